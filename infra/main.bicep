// VocEdWeek.Bot on Azure: a Linux web app running the bot, a user-assigned managed identity it runs as, and
// the Azure Bot registration (with the Microsoft Teams channel) pointing at the web app.
// Deploy: az deployment group create -g <group> -f infra/main.bicep -p infra/main.public.bicepparam (README "Go live").
targetScope = 'resourceGroup'

@description('Base name of every resource; the web app and bot names must be globally unique.')
@minLength(3)
@maxLength(40)
param name string = 'vocedweek-${uniqueString(resourceGroup().id)}'

@description('Region of the web app and the identity (the bot registration itself is global).')
param location string = resourceGroup().location

@description('Public: Azure and Teams. China: Azure operated by 21Vianet; the bot then uses that cloud\'s Bot Framework and sign-in endpoints (app setting Cloud=China). Defaults to the cloud being deployed to.')
@allowed(['Public', 'China'])
param cloud string = environment().name == 'AzureChinaCloud' ? 'China' : 'Public'

@description('UserAssignedMSI (default): the bot signs in as the managed identity, no secret exists. SingleTenant: an Entra app registration of your tenant with a client secret.')
@allowed(['UserAssignedMSI', 'SingleTenant'])
param appType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s application (client) id.')
param appId string = ''

@description('SingleTenant only: the app registration\'s client secret.')
@secure()
param appPassword string = ''

@description('Path of the week definition file on the web app, e.g. /home/site/wwwroot/week.json (copied into the publish folder). Empty: the bot runs without a week until one is set.')
param weekDefinitionFile string = ''

@description('App Service plan SKU.')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'P0v3', 'P1v3'])
param planSku string = 'B1'

@description('Azure Bot SKU.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Name Teams users see for the bot registration (the Teams app manifest names the app itself).')
param botDisplayName string = '职教活动周'

param tags object = {}

var usesIdentity = appType == 'UserAssignedMSI'

// One sentence naming the parameter, rather than an Azure error about an empty msaAppId or a bot that cannot sign in.
// Used only where SingleTenant applies (ARM evaluates just the branch of if() it takes, and no undeployed module).
var appIdMissing = 'appId is required with appType SingleTenant: the app registration\'s application (client) id'
var appPasswordMissing = 'appPassword is required with appType SingleTenant: a client secret of that app registration'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
  tags: tags
}

module app 'modules/appService.bicep' = {
  name: 'app'
  params: {
    name: name
    location: location
    planSku: planSku
    linuxFxVersion: 'DOTNETCORE|10.0'
    identityId: identity.id
    // Liveness, not readiness: App Service replaces an instance whose probe fails, and a SharePoint outage
    // (which turns /healthz/ready to 503) is not cured by a restart.
    healthCheckPath: '/healthz'
    tags: tags
  }
}

// The bot's settings, one module per app type: see modules/appSettings.bicep for why they are twins.
module settings 'modules/appSettings.bicep' = if (usesIdentity) {
  name: 'settings'
  params: {
    siteName: name
    publicBaseUrl: 'https://${app.outputs.defaultHostName}'
    appId: identity.properties.clientId
    tenantId: tenant().tenantId
    cloud: cloud
    weekDefinitionFile: weekDefinitionFile
  }
}

module settingsWithSecret 'modules/appSettingsWithSecret.bicep' = if (!usesIdentity) {
  name: 'settings-with-secret'
  params: {
    siteName: name
    publicBaseUrl: 'https://${app.outputs.defaultHostName}'
    appId: (empty(appId) ? fail(appIdMissing) : appId)
    appPassword: (empty(appPassword) ? fail(appPasswordMissing) : appPassword)
    tenantId: tenant().tenantId
    cloud: cloud
    weekDefinitionFile: weekDefinitionFile
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: name
    displayName: botDisplayName
    endpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    appType: appType
    appId: usesIdentity ? identity.properties.clientId : (empty(appId) ? fail(appIdMissing) : appId)
    identityId: identity.id
    tenantId: tenant().tenantId
    sku: botSku
    tags: tags
  }
}

output webAppName string = app.outputs.name
// Agents Toolkit's azureAppService/zipDeploy deploys to this (as WEBAPPRESOURCEID: it upper-cases output names).
output webAppResourceId string = app.outputs.id
output webAppHostName string = app.outputs.defaultHostName
output botEndpoint string = bot.outputs.endpoint
output botAppId string = bot.outputs.appId
output tenantId string = tenant().tenantId
output identityClientId string = identity.properties.clientId
output identityResourceId string = identity.id
output cloud string = cloud
