import { randomUUID } from 'node:crypto';
import { OrgCatalog } from './app/catalog';
import { loadOrganisations, type LoadReport } from './app/loadOrganisations';
import { loadCycleEdits } from './app/editCycle';
import { exportContent } from './app/exportDecisions';
import { wheelForToken } from './app/annualCycle';
import { systemClock, type Clock } from './app/ports';
import { renderExport } from './cards/decisionExport';
import { wheelPng, wheelSvg, wheelView } from './cards/wheel';
import type { AppConfig } from './config/env';
import { orgDirectory } from './config/orgFiles';
import type { Logger } from './logger';
import { sweepMetrics } from './telemetry';
import { RateLimiter } from './scheduler/rateLimiter';
import { ReminderScheduler } from './scheduler/runner';
import { defaultSweepSettings, type SweepDeps } from './scheduler/sweep';
import { CalendarTokens } from './storage/calendarTokens';
import { ConversationTableRepository } from './storage/conversationRepository';
import { CycleEditTableRepository } from './storage/cycleEditRepository';
import { AdminTableRepository } from './storage/adminRepository';
import { GroupSettingsTableRepository } from './storage/groupSettingsRepository';
import { loadGroupSettings } from './app/groupSettings';
import { DecisionTableRepository } from './storage/decisionRepository';
import { DeputyTableRepository } from './storage/deputyRepository';
import { GroupStateTableRepository } from './storage/groupStateRepository';
import { MeetingInputTableRepository } from './storage/meetingInputRepository';
import { MemberTableRepository } from './storage/memberRepository';
import { CachedMemberRepository } from './storage/cachedMemberRepository';
import { cachedTermsReader } from './storage/cachedTerms';
import { OrganisationTableRepository } from './storage/organisationRepository';
import { Leases, ReminderLedger } from './storage/reminderLedger';
import { isStorageUnavailable, TableStore, type TableConnection } from './storage/tables';
import { createAdapter, createBotAuth, type BotAdapter } from './teams/adapter';
import { SamverkansBot } from './teams/bot';
import { ProactiveSender } from './teams/proactive';

export interface RunningBot {
  readonly store: TableStore;
  readonly adapter: BotAdapter;
  readonly bot: SamverkansBot;
  readonly catalog: OrgCatalog;
  readonly proactive: ProactiveSender;
  readonly load: LoadReport;
  readonly scheduler: ReminderScheduler;
  readonly sweepDeps: SweepDeps;
  readonly calendarTokens: CalendarTokens;
  readonly repos: {
    readonly organisations: OrganisationTableRepository;
    readonly members: CachedMemberRepository;
    readonly conversations: ConversationTableRepository;
    readonly groupState: GroupStateTableRepository;
    readonly ledger: ReminderLedger;
    readonly meetingInputs: MeetingInputTableRepository;
    readonly decisions: DecisionTableRepository;
    readonly cycleEdits: CycleEditTableRepository;
    readonly admins: AdminTableRepository;
    readonly settings: GroupSettingsTableRepository;
    readonly deputies: DeputyTableRepository;
  };
}

/** Builds every part once: tables, repositories, organisations loaded, adapter, bot and scheduler. */
export async function startBot(config: AppConfig, connection: TableConnection, logger: Logger, clock: Clock = systemClock): Promise<RunningBot> {
  const store = new TableStore(connection, config.tablePrefix, undefined, config.storageTimeoutMs);
  await store.ensureTables();
  // Memberships and roles are read on every turn: cached briefly, dropped on every change made here.
  const memberTable = new MemberTableRepository(store, logger);
  const members = new CachedMemberRepository(memberTable, config.memberCacheMs);
  const repos = {
    organisations: new OrganisationTableRepository(store, logger),
    members,
    conversations: new ConversationTableRepository(store),
    groupState: new GroupStateTableRepository(
      store,
      logger,
      (aad) => members.forget(aad),
      (org) => helpTerms.forget(org),
    ),
    ledger: new ReminderLedger(store),
    meetingInputs: new MeetingInputTableRepository(store, logger),
    decisions: new DecisionTableRepository(store, logger),
    cycleEdits: new CycleEditTableRepository(store, logger),
    admins: new AdminTableRepository(store, logger, (aad) => members.forget(aad)),
    settings: new GroupSettingsTableRepository(store, logger),
    deputies: new DeputyTableRepository(store, logger),
  };
  // The terms help shows, cached like the members (MEMBER_CACHE_SECONDS); dropped when this instance records a term.
  const helpTerms = cachedTermsReader(repos.groupState, config.memberCacheMs);
  const load = await loadOrganisations(orgDirectory(config.orgDir, config.loadDemoData), repos);
  for (const p of load.problems) logger.error('orgfile.refused', { file: p.file, line: p.line, path: p.path, reason: p.reason });
  logger.info('orgs.loaded', { organisations: load.organisations.length, changes: load.changes, demoPeople: load.demoPeople });
  const catalog = new OrgCatalog(load.organisations);
  // Förankring recorded before the sweep's open-förankring index existed (issue 11): put it there (idempotent, reads only what is pending).
  for (const org of load.organisations) await repos.decisions.reindexOpenForankring(org.id, [...org.principals.map((p) => p.id), ...org.parties.map((p) => p.id)]);
  // Edits made in Teams sit beside the shipped files: loading the files never overwrites them.
  const edits = await loadCycleEdits({ catalog, cycleEdits: repos.cycleEdits });
  logger.info('cycle-edits.loaded', { edits });
  await loadGroupSettings({ catalog, settings: repos.settings });
  const auth = createBotAuth(config.auth);
  const adapter = createAdapter(auth);
  const proactive = new ProactiveSender(auth, config.auth?.appId ?? '');
  const calendarTokens = new CalendarTokens(store);
  const bot = new SamverkansBot({
    catalog,
    members: repos.members,
    conversations: repos.conversations,
    groupState: repos.groupState,
    helpTerms,
    ledger: repos.ledger,
    meetingInputs: repos.meetingInputs,
    decisions: repos.decisions,
    cycleEdits: repos.cycleEdits,
    admins: repos.admins,
    settings: repos.settings,
    deputies: repos.deputies,
    proactive,
    calendarTokens,
    publicBaseUrl: config.publicBaseUrl ?? `http://localhost:${config.port}`,
    clock,
    logger,
    allowedTenants: config.allowedTenants,
    botAdmins: config.botAdmins,
    storageUnavailable: isStorageUnavailable,
    aadIdMode: config.auth === null ? 'local' : 'strict',
  });
  const sweepDeps: SweepDeps = {
    catalog,
    groupState: repos.groupState,
    conversations: repos.conversations,
    ledger: repos.ledger,
    leases: new Leases(store),
    sender: proactive,
    limiter: new RateLimiter(config.rateLimits),
    metrics: sweepMetrics,
    clock,
    logger,
    instanceId: `${config.azureInstanceId ?? 'local'}-${randomUUID()}`,
    settings: defaultSweepSettings,
    meetings: repos.meetingInputs,
    decisions: repos.decisions,
    // Each recipient's language, read once per organisation swept (not through the per-person cache).
    languages: memberTable,
    refreshCatalog: async () => {
      await loadCycleEdits({ catalog, cycleEdits: repos.cycleEdits });
      await loadGroupSettings({ catalog, settings: repos.settings });
    },
  };
  const scheduler = new ReminderScheduler(sweepDeps, config.reminderIntervalMinutes * 60_000, logger);
  return { store, adapter, bot, catalog, proactive, load, scheduler, sweepDeps, calendarTokens, repos };
}

/** The file behind `/export/{token}/beslut.{md,csv,json}` (the use case reads, the card module writes the format), or null for an unknown token. */
export async function exportForToken(token: string, format: 'md' | 'csv' | 'json', deps: Parameters<typeof exportContent>[2]): Promise<string | null> {
  const content = await exportContent(token, format, deps);
  return content === null ? null : renderExport(content, format);
}

/** The PNG behind `/arshjul/{token}.png` (the use case reads the year, the card module draws it), or null for an unknown token. */
export async function wheelForTokenPng(token: string, locale: 'sv' | 'en', deps: Parameters<typeof wheelForToken>[1]): Promise<Buffer | null> {
  const year = await wheelForToken(token, deps);
  return year === null ? null : wheelPng(wheelSvg(wheelView(year, locale), locale));
}
