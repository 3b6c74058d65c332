// The Azure Bot registration and its Microsoft Teams channel.

@description('Bot handle; globally unique.')
param name string

param displayName string

@description('Where Teams sends activities.')
param endpoint string

@allowed(['UserAssignedMSI', 'SingleTenant'])
param appType string

@description('The identity\'s client id (UserAssignedMSI) or the Entra app registration\'s application id (SingleTenant).')
param appId string

@description('Resource id of the user-assigned identity; used with UserAssignedMSI only.')
param identityId string

param tenantId string

@description('F0 is enough: Teams is a standard channel, and standard channels are free and unlimited on both SKUs.')
@allowed(['F0', 'S1'])
param sku string

param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Azure Bot registrations are global; the regional ones (EU, India) bring nothing to a college in China.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output appId string = bot.properties.msaAppId
output endpoint string = bot.properties.endpoint
