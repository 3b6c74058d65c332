// The Linux App Service plan and web app that run the bot: one instance (LiteDB and the scheduler live in
// one process), the user-assigned identity attached. Its app settings are deployed after it (appSettings*.bicep).

@description('Name of the web app (also the first label of its host name).')
param name string

param location string

@description('App Service plan SKU. B1 or above: the free tier has no Always On, and the scheduler must keep running.')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'P0v3', 'P1v3'])
param planSku string

@description('Linux runtime stack.')
param linuxFxVersion string

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Path App Service probes; the instance is taken out of rotation and restarted when it fails.')
param healthCheckPath string

param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    // One instance on purpose: LiteDB is an embedded, single-process database.
    capacity: 1
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references in app settings (e.g. a secret added later) resolve with the same identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: healthCheckPath
      numberOfWorkers: 1
    }
  }
}

// FTP publishing with a user name and password is off; deployments use Entra sign-in (az webapp deploy).
resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = site.name
output id string = site.id
output defaultHostName string = site.properties.defaultHostName
