// Samverkansboten – Azure-resurser / Azure resources
//
// Provisioneras av Teams Toolkit (teamsapp.yml -> arm/deploy) med main.parameters.json.
// Outputs i VERSALER skrivs av arm/deploy till env/.env.<miljö> och används sedan av
// manifestet (BOT_ID, BOT_DOMAIN) och deploy-steget (BOT_AZURE_APP_SERVICE_RESOURCE_ID).
//
// Design:
// - Botten autentiserar med en användartilldelad hanterad identitet (UserAssignedMSI):
//   inga klienthemligheter att rotera eller läcka.
// - Samma identitet läser/skriver Azure Table Storage via Entra ID (RBAC); lagringskontot
//   tillåter inte delade nycklar, så det finns ingen anslutningssträng i Azure.

@minLength(4)
@maxLength(20)
@description('Bas för resursnamnen, t.ex. samverkan<suffix>. Webbappen och botten får detta namn.')
param resourceBaseName string

@description('Region för alla regionala resurser. Standard: resursgruppens region (t.ex. swedencentral).')
param location string = resourceGroup().location

@description('App Service-planens SKU. B1 räcker för en samverkansbot; F1 saknar Always On.')
param webAppSku string = 'B1'

@maxLength(42)
@description('Visningsnamn för Azure Bot-resursen.')
param botDisplayName string = 'Samverkansboten'

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot-SKU. F0 är gratis och räcker för Teams-kanalen (standardkanal).')
param botSku string = 'F0'

@description('Tidszon som botten räknar mötestider i.')
param timeZone string = 'Europe/Stockholm'

@description('Valfritt: kommaseparerade Entra ID-objekt-id för botadministratörer (BOT_ADMINS). Tomt = sätts inte.')
param botAdmins string = ''

@description('Valfritt: kommaseparerade tenant-id som får använda botten (ALLOWED_TENANTS). Tomt = sätts inte.')
param allowedTenants string = ''

// Inbyggd roll "Storage Table Data Contributor".
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

// Lagringskontonamn: 3–24 gemener/siffror och globalt unikt.
var storageAccountName = take('st${toLower(replace(resourceBaseName, '-', ''))}${uniqueString(resourceGroup().id)}', 24)

// Free/Shared-planer stöder inte Always On; schemaläggaren i botten behöver annars Always On.
var sharedTierSkus = [
  'F1'
  'FREE'
  'D1'
  'SHARED'
]
var alwaysOnSupported = !contains(sharedTierSkus, toUpper(webAppSku))

// ---------------------------------------------------------------------------
// Identitet
// ---------------------------------------------------------------------------

// Botens identitet både mot Bot Framework (msaAppId) och mot Table Storage.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: resourceBaseName
  location: location
}

// ---------------------------------------------------------------------------
// Lagring (Azure Table Storage)
// ---------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false // inget publikt innehåll ska någonsin exponeras
    allowSharedKeyAccess: false // bara Entra ID/RBAC – inga kontonycklar eller SAS med kontonyckel
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Publik åtkomst behövs eftersom App Service inte är VNet-integrerad; skyddet är RBAC.
    publicNetworkAccess: 'Enabled'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {}
}

// Identiteten får läsa/skriva tabeller och entiteter – bara i detta lagringskonto.
resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal' // undviker replikeringsfel när identiteten är helt ny
  }
}

// Utan avslutande snedstreck, t.ex. https://stsamverkanabc123.table.core.windows.net
var tablesEndpoint = 'https://${storage.name}.table.${environment().suffixes.storage}'

// ---------------------------------------------------------------------------
// Webbapp (Linux, Node 20)
// ---------------------------------------------------------------------------

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // krävs för Linux-planer
  }
}

// Obs: ARM ersätter ALLA appinställningar vid varje provisionering. Lägg därför till
// inställningar här (eller som parametrar) i stället för för hand i portalen.
var baseAppSettings = [
  {
    name: 'BOT_ID'
    value: identity.properties.clientId
  }
  {
    name: 'BOT_TENANT_ID'
    value: identity.properties.tenantId
  }
  {
    name: 'BOT_TYPE'
    value: 'UserAssignedMSI'
  }
  {
    name: 'AZURE_TABLES_ENDPOINT'
    value: tablesEndpoint
  }
  {
    // Talar om för DefaultAzureCredential vilken användartilldelad identitet som ska användas.
    name: 'AZURE_CLIENT_ID'
    value: identity.properties.clientId
  }
  {
    name: 'TIME_ZONE'
    value: timeZone
  }
  {
    // Kalenderlänkar (.ics) pekar hit; webbappens standardadress.
    name: 'PUBLIC_BASE_URL'
    value: 'https://${resourceBaseName}.azurewebsites.net'
  }
  {
    // Koden körs direkt från det uppladdade zip-paketet (skrivskyddat, atomiska byten).
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: '1'
  }
]

// Valfria inställningar läggs bara till när de har ett värde.
var botAdminsSetting = empty(botAdmins) ? [] : [
  {
    name: 'BOT_ADMINS'
    value: botAdmins
  }
]
var allowedTenantsSetting = empty(allowedTenants) ? [] : [
  {
    name: 'ALLOWED_TENANTS'
    value: allowedTenants
  }
]

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    clientAffinityEnabled: false // botten är tillståndslös per anrop; ingen ARR-cookie behövs
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm start'
      alwaysOn: alwaysOnSupported
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      appSettings: concat(baseAppSettings, botAdminsSetting, allowedTenantsSetting)
    }
  }
}

// FTP är avstängt; stäng även grundautentisering för FTP. SCM (zip-deploy) lämnas orört
// eftersom Teams Toolkits zipDeploy kan behöva det.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

// ---------------------------------------------------------------------------
// Azure Bot + Teams-kanal
// ---------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// ---------------------------------------------------------------------------
// Outputs -> env/.env.<miljö> (se https://aka.ms/teamsfx-actions/arm-deploy)
// ---------------------------------------------------------------------------

output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_IDENTITY_CLIENT_ID string = identity.properties.clientId
output AZURE_TABLES_ENDPOINT string = tablesEndpoint
