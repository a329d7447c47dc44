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

@minLength(3)
@maxLength(20)
@description('Bas för resursnamnen; namnet blir <bas><suffix>. Webbappen och botten får det namnet.')
param resourceBaseName string = 'samverkan'

@maxLength(13)
@description('Suffix som gör namnen globalt unika. Tomt = uniqueString(resursgruppens id), stabilt per resursgrupp.')
param resourceSuffix string = ''

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

@description('Kommaseparerade Entra ID-objekt-id för botadministratörer (BOT_ADMINS). Tomt = inga administratörer.')
param botAdmins string = ''

@description('Kommaseparerade tenant-id som får använda botten (ALLOWED_TENANTS). Tomt = bara botens egen tenant.')
param allowedTenants string = ''

@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
@description('Loggnivå (LOG_LEVEL).')
param logLevel string = 'info'

@description('Hur ofta påminnelsesvepet körs, i minuter (REMINDER_INTERVAL_MINUTES; 0 stänger av).')
param reminderIntervalMinutes int = 15

@description('Längsta tid för ett anrop till Azure Tables, i sekunder (STORAGE_TIMEOUT_SECONDS).')
param storageTimeoutSeconds int = 5

@description('Hur länge en persons medlemskap och roller hålls i minnet, i sekunder (MEMBER_CACHE_SECONDS).')
param memberCacheSeconds int = 30

@description('Teams gräns för proaktiva meddelanden per tenant och sekund (TEAMS_RATE_PER_TENANT).')
param teamsRatePerTenant int = 25

@description('Teams gräns för proaktiva meddelanden per konversation och sekund (TEAMS_RATE_PER_CONVERSATION).')
param teamsRatePerConversation int = 7

@description('Dagar som Log Analytics behåller loggar och telemetri.')
param logRetentionDays int = 90

// Namn: bas + suffix; utan angivet suffix ett stabilt, globalt unikt per resursgrupp.
var suffix = empty(resourceSuffix) ? uniqueString(resourceGroup().id) : resourceSuffix
var appName = toLower('${resourceBaseName}${suffix}')

// Inbyggd roll "Storage Table Data Contributor".
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

// Lagringskontonamn: 3–24 gemener/siffror och globalt unikt.
var storageAccountName = take('st${replace(appName, '-', '')}${uniqueString(resourceGroup().id)}', 24)

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
  name: appName
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
// Övervakning: Log Analytics + Application Insights (arbetsyte-baserad)
// ---------------------------------------------------------------------------

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: appName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logAnalytics.id
    // Bara Entra ID-autentiserad inmatning vore striktare; anslutningssträngen räcker för en bot.
    IngestionMode: 'LogAnalytics'
  }
}

// ---------------------------------------------------------------------------
// Webbapp (Linux, Node 22 LTS)
// ---------------------------------------------------------------------------

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: appName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // krävs för Linux-planer
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
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
      linuxFxVersion: 'NODE|22-lts'
      // Kompilerad JavaScript ur paketet (npm run build + npm ci --omit=dev); aldrig tsx, aldrig Azurite.
      appCommandLine: 'node dist/main.js'
      // Plattformen tar en instans ur rotation när /healthz inte svarar 200 (lagringen nås inte).
      healthCheckPath: '/healthz'
      alwaysOn: alwaysOnSupported
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

// ---------------------------------------------------------------------------
// Appinställningar – exakt de variabler som src/config/env.ts läser (ett test kontrollerar det)
// ---------------------------------------------------------------------------

// Obs: ARM ersätter ALLA appinställningar vid varje provisionering. Lägg därför till
// inställningar här (eller som parametrar) i stället för för hand i portalen.
// Ej satta med avsikt: PORT (sätts av App Service), BOT_PASSWORD (hanterad identitet),
// AZURE_TABLES_CONNECTION_STRING (kontot tillåter inga nycklar), AZURITE_DIR (bara lokalt),
// TABLE_PREFIX (ett lagringskonto per miljö).
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    BOT_ID: identity.properties.clientId
    BOT_TENANT_ID: identity.properties.tenantId
    BOT_TYPE: 'UserAssignedMSI'
    // Standard: bara botens egen tenant (där identiteten finns).
    ALLOWED_TENANTS: empty(allowedTenants) ? identity.properties.tenantId : allowedTenants
    BOT_ADMINS: botAdmins
    AZURE_TABLES_ENDPOINT: tablesEndpoint
    // Talar om för DefaultAzureCredential vilken användartilldelad identitet som ska användas.
    AZURE_CLIENT_ID: identity.properties.clientId
    // Kalenderlänkar (.ics) och exportlänkar pekar hit: webbappens verkliga värdnamn.
    PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'
    ORG_DIR: 'orgs'
    DEMO_DATA: 'false'
    LOG_LEVEL: logLevel
    REMINDER_INTERVAL_MINUTES: string(reminderIntervalMinutes)
    TEAMS_RATE_PER_TENANT: string(teamsRatePerTenant)
    TEAMS_RATE_PER_CONVERSATION: string(teamsRatePerConversation)
    STORAGE_TIMEOUT_SECONDS: string(storageTimeoutSeconds)
    MEMBER_CACHE_SECONDS: string(memberCacheSeconds)
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    // Plattformsinställning (läses av App Service, inte av appen): koden körs direkt från
    // det uppladdade zip-paketet (skrivskyddat, atomiska byten).
    WEBSITE_RUN_FROM_PACKAGE: '1'
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
  name: appName
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
output PUBLIC_BASE_URL string = 'https://${webApp.properties.defaultHostName}'
