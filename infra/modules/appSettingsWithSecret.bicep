// The web app's settings when the bot signs in as an Entra app registration with a client secret (SingleTenant).
// Same keys as appSettings.bicep (read its header) plus MicrosoftAppPassword, which arrives as a secure parameter
// and so never shows in the deployment's recorded inputs.

param siteName string
param publicBaseUrl string
param appId string
@secure()
param appPassword string
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
    MicrosoftAppType: 'SingleTenant'
    MicrosoftAppId: appId
    MicrosoftAppPassword: appPassword
    MicrosoftAppTenantId: tenantId
    Cloud: cloud
    Storage__Directory: '/home/data'
    Links__PublicBaseUrl: publicBaseUrl
    Week__DefinitionFile: weekDefinitionFile
    ASPNETCORE_ENVIRONMENT: 'Production'
    WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'true'
  }
}
