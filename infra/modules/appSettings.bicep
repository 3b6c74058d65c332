// The web app's settings when the bot signs in as its managed identity: exactly the bot's own configuration keys
// (README "Configuration", environment-variable form) and two platform settings. No MicrosoftAppPassword: there is
// no secret, and the bot refuses one with UserAssignedMSI.
//
// Deployed after the web app so the public address is the host name Azure assigned (azurewebsites.net,
// chinacloudsites.cn, or a generated unique name), not one guessed from the app name. Written as a literal object,
// not merged with union(), so that every name stays visible in the compiled template: a test checks each one
// against the keys the bot reads. appSettingsWithSecret.bicep is the SingleTenant twin (ARM refuses the same
// resource twice in one template, even under exclusive conditions).

param siteName string
param publicBaseUrl string
param appId string
param tenantId string
@allowed(['Public', 'China'])
param cloud string
param weekDefinitionFile string

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    MicrosoftAppType: 'UserAssignedMSI'
    MicrosoftAppId: appId
    MicrosoftAppTenantId: tenantId
    Cloud: cloud
    Storage__Directory: '/home/data'
    Links__PublicBaseUrl: publicBaseUrl
    Week__DefinitionFile: weekDefinitionFile
    ASPNETCORE_ENVIRONMENT: 'Production'
    // /home is the persistent share that survives restarts and redeployments: LiteDB and received files live there.
    WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'true'
  }
}
