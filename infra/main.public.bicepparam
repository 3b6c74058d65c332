// Azure (public cloud), managed identity: no secret anywhere.
using 'main.bicep'

param cloud = 'Public'
param appType = 'UserAssignedMSI'
param weekDefinitionFile = readEnvironmentVariable('WEEK_DEFINITION_FILE', '')
