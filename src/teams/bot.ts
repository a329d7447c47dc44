import { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { OrgCatalog } from '../app/catalog';
import { linkableGroups, linkChannel } from '../app/linkChannel';
import { groupsOverview } from '../app/listGroups';
import { helpStandings } from '../app/help';
import { forgetConversation, rememberConversation } from '../app/conversations';
import { chooseLanguage, loadUser, rememberTeamsLanguage } from '../app/users';
import type { Clock, ConversationRepository, GroupStateRepository, MemberRepository, StorageUnavailable } from '../app/ports';
import { chooseOrgCard, groupsCard } from '../cards/groupsCard';
import { helpCard } from '../cards/helpCard';
import { linkCard } from '../cards/linkCard';
import { plain } from '../cards/escape';
import { texts } from '../cards/texts';
import { bindTurn, describeError, type Logger } from '../logger';
import { conversationRefOf, localeOf, MAX_MESSAGE_TEXT, teamsLanguageOf, tenantOf } from './activity';
import { pageArgument, parseCommand, suggestCommands, type CommandName, type ParsedCommand } from './commands';
import { groupArgument, meetingArgument } from './meetingByName';
import type { MeetingPick } from '../domain/meetingChoice';
import type { UserContext } from '../domain/people';
import {
  addMemberForm,
  appointForm,
  showAddMemberForm,
  showAppointForm,
  showChairs,
  showHistory,
  showMembers,
  submitAddMember,
  submitAppointment,
  type ChairDeps,
} from './chairHandlers';
import {
  correctionSubmission,
  forankringSubmission,
  recordSubmission,
  retractCommand,
  showCorrection,
  showDecisionForm,
  showDecisions,
  showExport,
  showPendingForankring,
  submitCorrection,
  submitDecision,
  submitForankring,
  type DecisionDeps,
} from './decisionHandlers';
import { minutesAction, publishMinutes, showMinutes, submitMinutesAction, type MinutesDeps } from './minutesHandlers';
import {
  cycleEditSubmission,
  reminderSubmission,
  settingsSubmission,
  showCycle,
  showSettings,
  submitCycleEdit,
  submitReminderResponse,
  submitSettings,
  type CycleEditHandlerDeps,
  type SettingsHandlerDeps,
} from './cycleHandlers';
import {
  closeSubmission,
  executeAnswer,
  executeData,
  inputSubmission,
  saveMeetingSubmission,
  showBrief,
  showCloseForm,
  showInputCard,
  showMeetingForm,
  showMeetings,
  showReviseForm,
  submitClose,
  submitMeeting,
  submitWrittenInput,
  submitCallDeputy,
  type MeetingDeps,
} from './meetingHandlers';
import { adminSubmission, showAdmins, submitAdminChange, type AdminHandlerDeps } from './adminHandlers';
import { deputySubmission, showDeputies, submitDeputy, type DeputyHandlerDeps } from './deputyHandlers';
import { reply, sendCard, type Turn } from './turn';

export interface BotDeps extends CycleEditHandlerDeps, SettingsHandlerDeps, AdminHandlerDeps, DeputyHandlerDeps, ChairDeps, MeetingDeps, DecisionDeps, MinutesDeps {
  readonly catalog: OrgCatalog;
  readonly members: MemberRepository;
  readonly conversations: ConversationRepository;
  readonly groupState: GroupStateRepository;
  /** Terms for what help shows, possibly from a short-lived cache (`cachedTermsReader`); the repository itself when absent. */
  readonly helpTerms?: Pick<GroupStateRepository, 'groups'>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly allowedTenants: readonly string[];
  readonly botAdmins: readonly string[];
  /** Storage's classification of a thrown error, for the "try again later" answer. */
  readonly storageUnavailable: StorageUnavailable;
}

const linkSubmission = z.object({ verb: z.literal('linkChannel'), group: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/) });
/** "Kalla ersättare" on the input card: which meeting (the use case checks the rest). */
const callDeputySubmission = executeData.extend({ verb: z.literal('callDeputy') });
// `url`: the address typed into the Publicera button's field, appended to the command.
const commandSubmission = z.object({ verb: z.literal('command'), command: z.string().min(1).max(200), url: z.string().max(2000).optional() });

/** The Teams surface: routes activities to use cases and turns results into Swedish/English replies. */
export class SamverkansBot {
  private readonly app: Application;
  /** Conversations welcomed in the last minute, for the two install events that arrive together. */
  private readonly welcomed = new Map<string, number>();

  constructor(private readonly deps: BotDeps) {
    this.app = new Application<TurnState>({ startTypingTimer: false, longRunningMessages: false, removeRecipientMention: true });
    this.registerRoutes();
  }

  /** Handles one turn: refuses foreign tenants, remembers the conversation, then routes. */
  async run(context: TurnContext): Promise<void> {
    const { activity } = context;
    const tenant = tenantOf(activity);
    if (this.deps.allowedTenants.length > 0 && (tenant === null || !this.deps.allowedTenants.includes(tenant))) {
      this.deps.logger.warn('tenant.refused', { activityType: activity.type });
      if (activity.type === (ActivityTypes.Message as string)) await context.sendActivity(texts.foreignTenant[localeOf(activity, null)]);
      return;
    }
    if (typeof activity.text === 'string' && activity.text.length > MAX_MESSAGE_TEXT) {
      // Refused before anything is stored or parsed: no handler sees a 28 KB command.
      this.deps.logger.warn('message.too-long', { length: activity.text.length, limit: MAX_MESSAGE_TEXT });
      await context.sendActivity(texts.messageTooLong(MAX_MESSAGE_TEXT)[localeOf(activity, null)]);
      return;
    }
    const ref = conversationRefOf(activity);
    if (ref === null) {
      this.deps.logger.warn('activity.incomplete', { activityType: activity.type });
      if (activity.type === (ActivityTypes.Message as string) && activity.serviceUrl) await context.sendActivity(texts.emptyMessage[localeOf(activity, null)]);
      return;
    }
    // The one storage step outside a handler, on purpose: every turn (any activity type, before
    // routing) must keep the conversation reference current for proactive messages, so it runs
    // here through its use case rather than in each of the routes.
    const event = isInstall(context) ? 'install' : isRemoval(context) ? 'removal' : 'other';
    const { knownBefore } = await rememberConversation({ ref, event }, this.deps.conversations);
    if (event === 'install') context.turnState.set(KNOWN_CONVERSATION, knownBefore);
    await this.app.run(context);
  }

  private registerRoutes(): void {
    const app = this.app;
    app.conversationUpdate('membersAdded', async (context) => {
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id);
      if (botAdded) await this.welcome(context);
    });
    app.conversationUpdate('membersRemoved', async (context) => {
      const botRemoved = (context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient.id);
      if (botRemoved) await this.forget(context);
    });
    app.activity(ActivityTypes.InstallationUpdate, async (context) => {
      const action = context.activity.action ?? '';
      if (action === 'add' || action === 'add-upgrade') await this.welcome(context);
      else if (action === 'remove' || action === 'remove-upgrade') await this.forget(context);
    });
    // Every Action.Submit: the card's data is checked with its schema; anything else gets the bad-card answer.
    this.submit('command', commandSubmission, (turn, d) => this.command(turn, parseCommand(d.url === undefined ? d.command : `${d.command} ${d.url.trim()}`)));
    this.submit('appoint', appointForm, (turn, d) => submitAppointment(turn, this.deps, d));
    this.submit('addMember', addMemberForm, (turn, d) => submitAddMember(turn, this.deps, d));
    this.submit(['reminderDone', 'reminderAck'], reminderSubmission, (turn, d) => submitReminderResponse(turn, this.deps, d));
    this.submit('saveMeeting', saveMeetingSubmission, (turn, d) => submitMeeting(turn, this.deps, d));
    this.submit('submitInput', inputSubmission, (turn, d) => submitWrittenInput(turn, this.deps, d));
    this.submit('closeMeeting', closeSubmission, (turn, d) => submitClose(turn, this.deps, d));
    this.submit('recordDecision', recordSubmission, (turn, d) => submitDecision(turn, this.deps, d));
    this.submit('correctDecision', correctionSubmission, (turn, d) => submitCorrection(turn, this.deps, d));
    this.submit('forankringDone', forankringSubmission, (turn, d) => submitForankring(turn, this.deps, d));
    this.submit(['sendMinutes', 'approveMinutes', 'returnMinutes', 'newMinutesVersion'], minutesAction, (turn, d) => submitMinutesAction(turn, this.deps, d));
    this.submit('linkChannel', linkSubmission, (turn, d) => this.link(turn, d.group));
    this.submit('editCycle', cycleEditSubmission, (turn, d) => submitCycleEdit(turn, this.deps, d));
    this.submit('saveSettings', settingsSubmission, (turn, d) => submitSettings(turn, this.deps, d));
    this.submit('changeAdmins', adminSubmission, (turn, d) => submitAdminChange(turn, this.deps, d));
    this.submit('setDeputy', deputySubmission, (turn, d) => submitDeputy(turn, this.deps, d));
    this.submit('callDeputy', callDeputySubmission, (turn, d) => submitCallDeputy(turn, this.deps, d));
    for (const [verb, attendance] of [
      ['attend', 'attending'],
      ['absent', 'absent'],
    ] as const)
      app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
        const parsed = executeData.safeParse(data);
        const turn = await this.turnOf(context);
        if (turn === null) return texts.emptyMessage.sv;
        return parsed.success ? executeAnswer(turn, this.deps, attendance, parsed.data) : texts.badCard[turn.locale];
      });
    app.activity(ActivityTypes.Message, async (context) => {
      await this.withTurn(context, (turn) => {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- botbuilder types `text` as string, but Teams sends card submits and other messages without it
        const text = (context.activity.text ?? '').trim();
        if (text === '') return context.activity.value !== undefined ? this.badCard(turn) : reply(turn, texts.emptyMessage);
        return this.command(turn, parseCommand(text));
      });
    });
  }

  /** Routes an Action.Submit verb to a handler once its data passed the schema. */
  private submit<S extends z.ZodTypeAny>(verb: string | string[], schema: S, handler: (turn: Turn, data: z.infer<S>) => Promise<void>): void {
    this.app.adaptiveCards.actionSubmit(verb, async (context, _state, data) => {
      const parsed = schema.safeParse(data);
      if (parsed.success) bindTurn(orgAndGroupOf(parsed.data));
      await this.withTurn(context, (turn) => (parsed.success ? handler(turn, parsed.data as z.infer<S>) : this.badCard(turn)));
    });
  }

  private async withTurn(context: TurnContext, handler: (turn: Turn) => Promise<void>): Promise<void> {
    const turn = await this.turnOf(context);
    if (turn === null) await context.sendActivity(texts.emptyMessage[localeOf(context.activity, null)]);
    else await handler(turn);
  }

  /** Loads the user behind an activity; null when the activity has no user or conversation. */
  private async turnOf(context: TurnContext): Promise<Turn | null> {
    const ref = conversationRefOf(context.activity);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- botbuilder types `from` as always set; an activity from the wire may lack it
    const aad = context.activity.from?.aadObjectId;
    if (ref === null || aad === undefined) return null;
    const user = await loadUser(aad, this.deps);
    await this.noteTeamsLanguage(context, user);
    return { context, ref, user, locale: localeOf(context.activity, user.preferredLocale) };
  }

  /**
   * Keeps the language of the locale Teams sent for this person (on every turn and on install), for
   * what the bot later sends them on its own. Written only when it changed; a failed write costs only that, never the turn.
   */
  private async noteTeamsLanguage(context: TurnContext, known?: UserContext): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- botbuilder types `from` as always set; an activity from the wire may lack it
    const aad = context.activity.from?.aadObjectId;
    const seen = teamsLanguageOf(context.activity);
    if (aad === undefined || seen === null) return;
    try {
      await rememberTeamsLanguage(known ?? (await loadUser(aad, this.deps)), seen, this.deps.members);
    } catch (e) {
      this.deps.logger.warn('user.teams-locale-not-saved', describeError(e));
    }
  }

  private async command(turn: Turn, parsed: ParsedCommand): Promise<void> {
    this.deps.logger.info('command', { command: parsed.name ?? 'unknown', scope: turn.ref.conversationType });
    const cmd = await this.meetingNamed(turn, parsed);
    if (cmd === null) return;
    switch (cmd.name) {
      case 'help':
        return this.help(turn);
      case 'groups':
        return this.groups(turn, cmd.argument);
      case 'link':
        return cmd.argument === '' ? this.linkForm(turn) : this.link(turn, cmd.argument);
      case 'language':
        return this.language(turn, cmd.argument);
      case 'chair':
        return showChairs(turn, this.deps, cmd.argument);
      case 'history':
        return showHistory(turn, this.deps, cmd.argument);
      case 'appoint':
        return showAppointForm(turn, this.deps, cmd.argument);
      case 'members':
        return showMembers(turn, this.deps, cmd.argument);
      case 'add':
        return showAddMemberForm(turn, this.deps, cmd.argument);
      case 'cycle':
        return showCycle(turn, this.deps, cmd.argument);
      case 'meeting':
        return showMeetingForm(turn, this.deps, cmd.argument);
      case 'meetings':
        return showMeetings(turn, this.deps, cmd.argument);
      case 'revise':
        return showReviseForm(turn, this.deps, cmd.argument);
      case 'brief':
        return showBrief(turn, this.deps, cmd.argument);
      case 'close':
        return showCloseForm(turn, this.deps, cmd.argument);
      case 'input':
        return showInputCard(turn, this.deps, cmd.argument);
      case 'decisions':
        return showDecisions(turn, this.deps, cmd.argument);
      case 'recordDecision':
        return showDecisionForm(turn, this.deps, cmd.argument, false);
      case 'chairDecision':
        return showDecisionForm(turn, this.deps, cmd.argument, true);
      case 'export':
        return showExport(turn, this.deps, cmd.argument);
      case 'correct':
        return showCorrection(turn, this.deps, cmd.argument);
      case 'retract':
        return retractCommand(turn, this.deps, cmd.argument);
      case 'forankring':
        return showPendingForankring(turn, this.deps, cmd.argument);
      case 'minutes':
        return showMinutes(turn, this.deps, cmd.argument);
      case 'publish':
        return publishMinutes(turn, this.deps, cmd.argument);
      case 'admins':
        return showAdmins(turn, this.deps, cmd.argument);
      case 'settings':
        return showSettings(turn, this.deps, cmd.argument);
      case 'deputies':
        return showDeputies(turn, this.deps, cmd.argument);
      case 'greeting':
        await reply(turn, texts.greeting);
        return this.help(turn);
      case null: {
        const near = suggestCommands(cmd.text, turn.locale);
        const said = plain(cmd.text.slice(0, 60));
        return reply(
          turn,
          near.length > 0
            ? texts.didYouMean(
                said,
                near.map((w) => `**${w}**`),
              )
            : texts.unknown(said),
        );
      }
    }
  }

  private async help(turn: Turn): Promise<void> {
    const standings = await helpStandings(turn.user, this.deps.clock.now(), { catalog: this.deps.catalog, groupState: this.deps.helpTerms ?? this.deps.groupState });
    return sendCard(turn, helpCard(turn.user, this.deps.catalog.all(), turn.locale, standings));
  }

  /** A command about one meeting ("avsluta LGS 3 dec") with the group and date turned into `org/group/id`; null once answered instead. */
  private async meetingNamed(turn: Turn, cmd: ParsedCommand): Promise<ParsedCommand | null> {
    if (cmd.name !== null && GROUP_COMMANDS.has(cmd.name) && cmd.argument.trim() === '') {
      const group = await groupArgument(turn, this.deps, (cmd.text.split(' ')[0] ?? '').toLocaleLowerCase('sv').replace('lägg-till', 'lägg till'));
      return group === null ? null : { ...cmd, argument: group };
    }
    const pick = cmd.name === null ? undefined : MEETING_PICK[cmd.name];
    if (pick === undefined) return cmd;
    // `publicera LGS <url>`: the address is the last word and stays with the command.
    const words = cmd.argument
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    const last = words.at(-1) ?? '';
    const url = cmd.name === 'publish' && /^(https?:\/\/|www\.)/i.test(last) ? last : '';
    if (url !== '') words.pop();
    const word = (cmd.text.split(' ')[0] ?? '').toLocaleLowerCase('sv');
    const ref = await meetingArgument(turn, this.deps, words.join(' '), word, pick, url);
    return ref === null ? null : { ...cmd, argument: url === '' ? ref : `${ref} ${url}` };
  }

  private async groups(turn: Turn, named: string): Promise<void> {
    const { rest, page } = pageArgument(named);
    const r = await groupsOverview({ user: turn.user, channel: turn.ref, named: rest, now: this.deps.clock.now() }, this.deps);
    if (r.ok) return sendCard(turn, groupsCard(r.value, turn.locale, page));
    if (r.code === 'no-orgs') return reply(turn, texts.noOrgs);
    if (r.code === 'choose-org') return sendCard(turn, chooseOrgCard(this.deps.catalog.all(), turn.locale));
    // By the short names people type (`grupper SAMLA`), not the ids.
    const known = this.deps.catalog
      .all()
      .map((o) => plain(o.shortName))
      .join(', ');
    return reply(turn, texts.orgNotFound(plain(r.query), known));
  }

  private async linkForm(turn: Turn): Promise<void> {
    if (turn.ref.conversationType !== 'channel') return reply(turn, texts.linkNotChannel);
    const groups = linkableGroups(turn.user, this.deps.catalog);
    if (groups.length === 0) return reply(turn, texts.linkNothingAllowed);
    return sendCard(turn, linkCard(groups, turn.locale));
  }

  private async link(turn: Turn, groupQuery: string): Promise<void> {
    const result = await linkChannel(
      { user: turn.user, channel: turn.ref, groupQuery, now: this.deps.clock.now() },
      { catalog: this.deps.catalog, conversations: this.deps.conversations },
    );
    if (result.ok) {
      this.deps.logger.info('channel.linked', { org: result.value.org.id, group: result.value.group.id });
      return reply(turn, texts.linkDone(plain(result.value.group.shortName), plain(result.value.org.shortName)));
    }
    switch (result.code) {
      case 'not-a-channel':
        return reply(turn, texts.linkNotChannel);
      case 'group-missing':
        return this.linkForm(turn);
      case 'group-not-found':
        return reply(turn, texts.groupNotFound(plain(result.query)));
      case 'group-ambiguous':
        return reply(turn, texts.groupAmbiguous(plain(result.query), result.orgs, result.groups === null ? null : plain(result.groups)));
      case 'not-allowed':
        return reply(turn, texts.linkNotAllowed(plain(result.group)));
    }
  }

  private async language(turn: Turn, arg: string): Promise<void> {
    const choice = arg.trim().toLowerCase();
    const locale = LANGUAGE_WORDS.get(choice);
    if (locale !== undefined) {
      await chooseLanguage(turn.user, locale, this.deps.members);
      return locale === null ? reply({ ...turn, locale: localeOf(turn.context.activity, null) }, texts.languageReset) : reply({ ...turn, locale }, texts.languageSet);
    }
    return reply(turn, texts.languageUsage);
  }

  /**
   * Welcomes a new installation once. Teams sends both conversationUpdate and
   * installationUpdate, and the Playground repeats them on every page load: a conversation
   * already known gets no second welcome.
   */
  private async welcome(context: TurnContext): Promise<void> {
    await this.noteTeamsLanguage(context);
    if (context.turnState.get(KNOWN_CONVERSATION) === true) return;
    const key = context.activity.conversation.id;
    const now = this.deps.clock.now().getTime();
    for (const [k, at] of this.welcomed) if (now - at > 60_000) this.welcomed.delete(k);
    if (this.welcomed.has(key)) return;
    this.welcomed.set(key, now);
    await context.sendActivity(MessageFactory.text(texts.welcome[localeOf(context.activity, null)]));
  }

  private async forget(context: TurnContext): Promise<void> {
    const ref = conversationRefOf(context.activity);
    if (ref !== null) await forgetConversation(ref, this.deps.conversations);
    this.deps.logger.info('conversation.removed', { scope: ref?.conversationType ?? 'unknown' });
  }

  private badCard(turn: Turn): Promise<void> {
    this.deps.logger.warn('card.invalid', { scope: turn.ref.conversationType });
    return reply(turn, texts.badCard);
  }

  /** Sends the error text in the user's language after a bug; the log keeps no personal data. */
  async onTurnError(context: TurnContext, error: unknown): Promise<void> {
    const storageDown = this.deps.storageUnavailable(error);
    if (storageDown) this.deps.logger.warn('turn.storage-unavailable', { activityType: context.activity.type, error: (error as Error).name });
    else this.deps.logger.error('turn.failed', { activityType: context.activity.type, ...describeError(error) });
    try {
      await context.sendActivity((storageDown ? texts.storageUnavailable : texts.error)[localeOf(context.activity, null)]);
    } catch (e) {
      this.deps.logger.error('turn.error-reply-failed', describeError(e));
    }
  }
}

const KNOWN_CONVERSATION = Symbol('knownConversation');

/** Commands about one group that need it named: typed without one, the group comes from the place or a choice. */
const GROUP_COMMANDS: ReadonlySet<CommandName> = new Set([
  'history',
  'appoint',
  'members',
  'add',
  'meeting',
  'meetings',
  'decisions',
  'chairDecision',
  'export',
  'deputies',
]);

/** Commands about one meeting, and which meeting they mean when only the group is named. */
const MEETING_PICK: Partial<Record<CommandName, MeetingPick>> = {
  brief: 'next',
  input: 'next',
  revise: 'next',
  close: 'latest-started',
  minutes: 'latest-started',
  recordDecision: 'latest-started',
  publish: 'latest-started',
};

/** `språk …`: the words for each language; null follows the Teams client again. */
const LANGUAGE_WORDS = new Map<string, 'sv' | 'en' | null>([
  ...(['sv', 'svenska', 'swedish'] as const).map((w) => [w, 'sv'] as const),
  ...(['en', 'engelska', 'english'] as const).map((w) => [w, 'en'] as const),
  ...(['auto', 'teams'] as const).map((w) => [w, null] as const),
]);

/** The org and group a card action names (`{org, group}` or `{group: 'org/group'}`), for the turn's log lines. */
function orgAndGroupOf(data: unknown): { org?: string; group?: string } {
  const d = (typeof data === 'object' && data !== null ? data : {}) as { org?: unknown; group?: unknown };
  if (typeof d.org === 'string' && typeof d.group === 'string') return { org: d.org, group: d.group };
  const m = typeof d.group === 'string' ? /^([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(d.group) : null;
  return m ? { org: m[1], group: m[2] } : {};
}

function isInstall(context: TurnContext): boolean {
  const a = context.activity;
  if (a.type === (ActivityTypes.InstallationUpdate as string)) return (a.action ?? '').startsWith('add');
  return a.type === (ActivityTypes.ConversationUpdate as string) && (a.membersAdded ?? []).some((m) => m.id === a.recipient.id);
}

function isRemoval(context: TurnContext): boolean {
  const a = context.activity;
  if (a.type === (ActivityTypes.InstallationUpdate as string)) return (a.action ?? '').startsWith('remove');
  return a.type === (ActivityTypes.ConversationUpdate as string) && (a.membersRemoved ?? []).some((m) => m.id === a.recipient.id);
}
