// Azure operated by 21Vianet (az cloud set --name AzureChinaCloud), managed identity: no secret anywhere.
using 'main.bicep'

param cloud = 'China'
param appType = 'UserAssignedMSI'
param weekDefinitionFile = readEnvironmentVariable('WEEK_DEFINITION_FILE', '')
