import type { CloudAdapter } from 'botbuilder';
import { OrgCatalog } from './app/catalog';
import { loadOrganisations, type LoadReport } from './app/loadOrganisations';
import { systemClock, type Clock } from './app/ports';
import type { AppConfig } from './config/env';
import type { Logger } from './logger';
import { ConversationTableRepository } from './storage/conversationRepository';
import { GroupStateTableRepository } from './storage/groupStateRepository';
import { MemberTableRepository } from './storage/memberRepository';
import { OrganisationTableRepository } from './storage/organisationRepository';
import { TableStore, type TableConnection } from './storage/tables';
import { createAdapter, createBotAuth } from './teams/adapter';
import { SamverkansBot } from './teams/bot';
import { ProactiveSender } from './teams/proactive';

export interface RunningBot {
  readonly store: TableStore;
  readonly adapter: CloudAdapter;
  readonly bot: SamverkansBot;
  readonly catalog: OrgCatalog;
  readonly proactive: ProactiveSender;
  readonly load: LoadReport;
  readonly repos: {
    readonly organisations: OrganisationTableRepository;
    readonly members: MemberTableRepository;
    readonly conversations: ConversationTableRepository;
    readonly groupState: GroupStateTableRepository;
  };
}

/** Builds every part once: tables, repositories, organisations loaded, adapter and bot. */
export async function startBot(config: AppConfig, connection: TableConnection, logger: Logger, clock: Clock = systemClock): Promise<RunningBot> {
  const store = new TableStore(connection, config.tablePrefix);
  await store.ensureTables();
  const repos = {
    organisations: new OrganisationTableRepository(store),
    members: new MemberTableRepository(store),
    conversations: new ConversationTableRepository(store),
    groupState: new GroupStateTableRepository(store),
  };
  const load = await loadOrganisations(config.orgDir, config.loadDemoData, repos);
  for (const p of load.problems) logger.error('orgfile.refused', { file: p.file, line: p.line, path: p.path, reason: p.reason });
  logger.info('orgs.loaded', { organisations: load.organisations.length, changes: load.changes, demoPeople: load.demoPeople });
  const catalog = new OrgCatalog(load.organisations);
  const auth = createBotAuth(config.auth);
  const adapter = createAdapter(auth);
  const bot = new SamverkansBot({
    catalog,
    members: repos.members,
    conversations: repos.conversations,
    groupState: repos.groupState,
    clock,
    logger,
    allowedTenants: config.allowedTenants,
    botAdmins: config.botAdmins,
  });
  return { store, adapter, bot, catalog, proactive: new ProactiveSender(auth, config.auth?.appId ?? ''), load, repos };
}
