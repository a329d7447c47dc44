import { actionExecute, actionSubmit, channelMessage, personalInstall, personalMessage, personalUninstall, USERS } from '../helpers/activities';
import { sweep } from '../../src/scheduler/sweep';
import { decisionForm } from '../helpers/decisionForm';
import { agendaItem, createMeeting, heldLgsMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/**
 * Issue 13: internal ids never reach a user. Every activity the bot sends in the main flows (as
 * a process leader, chair, member and administrator, in Swedish and English), every invoke
 * answer and the Markdown export are read for what a person sees: card text, facts, button and
 * choice titles, labels, fallback text and message text. None may show an AAD id (GUID), a
 * meeting or agenda item id, an `org/group` reference or a bare seed code ("källa 000").
 * Button `data` is not read: it carries ids on purpose, and nobody sees or types it.
 */
let now = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
const CHANNEL = '19:lgs-ids@thread.tacv2';
const HELD = '2026-12-08-aaa999';
const HELD_ITEM = 'p1-beef';
const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });

/** The patterns of ids a person must never see. */
const FORBIDDEN: [string, RegExp][] = [
  ['AAD id (GUID)', /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12,}/i],
  ['meeting id', /\b\d{4}-\d{2}-\d{2}-[0-9a-f]{6,}\b/],
  ['agenda item id', /\bp\d+-[0-9a-f]{4}\b/],
  ['org/group reference', /\b(goteborgsomradet|samla)\/[a-z0-9-]+/],
  ['seed code', /\b(källa|source)\s+\d{3}\b|\(\d{3}[,)]/],
];

/** Every string of a card a person sees: text, facts, titles, labels, placeholders, choices, fallback text. */
function visibleStrings(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => visibleStrings(v, out));
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // A fact's and a text input's `value` is shown; a choice's or a choice set's `value` is data, like a button's `data`.
    const shownValue = o.type === undefined || o.type === 'Input.Text';
    for (const key of ['text', 'title', 'label', 'placeholder', 'fallbackText', 'speak', 'altText', 'errorMessage', ...(shownValue ? ['value'] : [])]) {
      if (typeof o[key] === 'string') out.push(o[key]);
    }
    for (const [k, v] of Object.entries(o)) {
      if (k === 'choices') for (const c of v as { title: string }[]) out.push(c.title);
      else if (k !== 'data' && k !== 'verb' && k !== 'id' && k !== 'targetElements') visibleStrings(v, out);
    }
  }
  return out;
}

/** What every activity sent, replaced or answered so far shows, one string per visible field. */
const seen: string[] = [];
function collect(): void {
  for (const s of [...bot.connector.sent, ...bot.connector.updated]) {
    if (typeof s.activity.text === 'string') seen.push(s.activity.text);
    for (const a of s.activity.attachments ?? []) visibleStrings(a.content, seen);
  }
  bot.connector.clear();
}

async function say(user: string, text: string, locale = 'sv-SE'): Promise<void> {
  await bot.post(personalMessage(text, opts(user, locale)));
}

const leaks = () =>
  seen.flatMap((text) => FORBIDDEN.filter(([, pattern]) => pattern.test(text)).map(([name]) => ({ name, text: text.length > 160 ? `${text.slice(0, 160)}…` : text })));

beforeAll(async () => {
  bot = await startTestBot({ PUBLIC_BASE_URL: 'https://bot.example.se' }, { now: () => now });
  for (const user of [USERS.processLeaderLgs, USERS.chairLgs, USERS.memberKommun, USERS.memberRegion, USERS.admin]) await bot.post(personalInstall(opts(user)));
  await bot.post(channelMessage('koppla LGS', { ...opts(USERS.processLeaderLgs), channelId: CHANNEL }));
  await bot.running.repos.groupState.saveMeeting(heldLgsMeeting(HELD, [agendaItem(HELD_ITEM, { title: 'Årsrapport 2026', kind: 'beslut' })]));
  collect();
});
afterAll(async () => bot.stop());
beforeEach(() => {
  seen.length = 0;
});

describe('no internal ids reach a user', () => {
  it('recognises each kind of id, so the checks below can fail', () => {
    const found = (text: string) => FORBIDDEN.filter(([, p]) => p.test(text)).map(([name]) => name);
    expect(found(`Ordförande: ${USERS.chairLgs}`)).toEqual(['AAD id (GUID)']);
    expect(found('skriv "minnesanteckningar goteborgsomradet/lgs/2026-12-08-aaa999"')).toEqual(['meeting id', 'org/group reference']);
    expect(found('- Möte: 2026-12-08-aaa999')).toEqual(['meeting id']);
    expect(found('Punkt p1-beef')).toEqual(['agenda item id']);
    expect(found('Regel (Göteborgsområdet, källa 000): ”…”')).toEqual(['seed code']);
    expect(found('Rule (Göteborgsområdet, source 000, 002)')).toEqual(['seed code']);
    expect(found('… utses inom gruppen. (000, 2025)')).toEqual(['seed code']);
    expect(found('Kommentaren får vara högst 2 000 tecken. Mötet 2026-12-08 13:00–14:30 (LGS 2026:14).')).toEqual([]);
  });

  it('in the everyday commands, for every role and in both languages', async () => {
    for (const [user, locale] of [
      [USERS.processLeaderLgs, 'sv-SE'],
      [USERS.chairLgs, 'sv-SE'],
      [USERS.memberRegion, 'en-US'],
      [USERS.admin, 'sv-SE'],
    ] as const) {
      const sv = locale === 'sv-SE';
      for (const command of sv
        ? [
            'hjälp',
            'grupper',
            'ordförande LGS',
            'ordförande NOSAM Hisingen',
            'historik LGS',
            'ledamöter LGS',
            'årshjul LGS',
            'möten LGS',
            'beslut LGS',
            'inställningar LGS',
            'exportera LGS',
            'utse LGS',
            'lägg till LGS',
            'förankring kommun',
            'hej',
            'grupepr',
          ]
        : ['help', 'groups', 'chair LGS', 'history LGS', 'members LGS', 'cycle LGS', 'meetings LGS', 'decisions LGS', 'anchoring region'])
        await say(user, command, locale);
      collect();
    }
    expect(seen.length).toBeGreaterThan(50);
    expect(leaks()).toEqual([]);
  });

  it('from a new meeting to the brief: agenda, answers, written input', async () => {
    const made = await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' });
    const data = { org: 'goteborgsomradet', group: 'lgs', meetingId: made.id };
    for (const [verb, user] of [
      ['absent', USERS.memberKommun],
      ['attend', USERS.chairLgs],
    ] as const) {
      const answer = await bot.post(actionExecute(verb, data, { ...opts(user), channelId: CHANNEL }));
      seen.push(...visibleStrings(JSON.parse(answer.body || '{}')));
    }
    await say(USERS.memberKommun, 'synpunkter LGS');
    await bot.post(
      actionSubmit({ verb: 'submitInput', ...data, [`input_${made.itemIds[0]}`]: 'Kommunen stöder förslaget.', input_general: '' }, opts(USERS.memberKommun)),
    );
    // The sweep's proactive messages: årshjul reminders, the input reminder and the brief at the cut-off.
    const proactiveBefore = bot.connector.sent.length;
    await sweep(bot.running.sweepDeps);
    now = new Date('2026-12-07T12:30:00Z');
    await sweep(bot.running.sweepDeps);
    const proactive = bot.connector.sent.length - proactiveBefore;
    await say(USERS.chairLgs, 'sammanställning LGS');
    await say(USERS.processLeaderLgs, 'revidera LGS');
    await say(USERS.memberRegion, 'meetings LGS', 'en-US');
    collect();
    expect(seen.some((t) => t.startsWith('Dagordning – LGS'))).toBe(true);
    expect(proactive).toBeGreaterThan(0);
    expect(leaks()).toEqual([]);
  });

  it('from a held meeting to decisions, minutes and the Markdown export', async () => {
    now = new Date('2026-12-08T15:00:00Z');
    await bot.post(actionSubmit(decisionForm(HELD, HELD_ITEM, { text: 'LGS fastställer årsrapporten.' }), opts(USERS.processLeaderLgs)));
    await bot.post(actionSubmit({ verb: 'forankringDone', org: 'goteborgsomradet', group: 'lgs', number: '2026:1', holder: 'kommun' }, opts(USERS.processLeaderLgs)));
    await say(USERS.memberRegion, 'beslut LGS');
    await say(USERS.processLeaderLgs, 'återkalla LGS 2026:9 Fel');
    await say(USERS.processLeaderLgs, 'avsluta LGS');
    await say(USERS.processLeaderLgs, 'registrera LGS');
    await say(USERS.processLeaderLgs, 'minnesanteckningar LGS');
    const minutesCard = bot.connector.cards().at(-1) as { actions: { title: string; data: Record<string, string> }[] };
    const send = minutesCard.actions.find((a) => a.title === 'Skicka för justering')!.data;
    // The chair has closed the personal chat: the sender and the chair are told what to type.
    await bot.post(personalUninstall(opts(USERS.chairLgs)));
    await bot.post(actionSubmit({ ...send, justerare: USERS.chairLgs }, opts(USERS.processLeaderLgs)));
    await bot.post(channelMessage('minnesanteckningar LGS', { ...opts(USERS.chairLgs), channelId: CHANNEL }));
    expect(bot.connector.texts().slice(-1)).toEqual([
      'Minnesanteckningar som inte är justerade visas bara i en personlig chatt. Öppna en chatt med Samverkansboten och skriv "minnesanteckningar LGS 2026-12-08".',
    ]);
    await bot.post(personalInstall(opts(USERS.chairLgs)));
    await say(USERS.chairLgs, 'minnesanteckningar LGS');
    await say(USERS.memberRegion, 'minnesanteckningar LGS');
    await say(USERS.processLeaderLgs, 'exportera LGS');
    const exportCard = bot.connector.cards().at(-1) as { actions: { url: string }[] };
    collect();
    const markdown = await (await fetch(exportCard.actions[0].url.replace('https://bot.example.se', bot.url))).text();
    seen.push(...markdown.split('\n'));
    // The årshjul's calendar feed: what Outlook shows (name, summaries, descriptions).
    await say(USERS.memberRegion, 'årshjul LGS');
    const feedUrl = /https:\/\/bot\.example\.se\/ics\/[^"]+\.ics/.exec(JSON.stringify(bot.connector.cards().at(-1)))?.[0];
    collect();
    const feed = await (await fetch(feedUrl!.replace('https://bot.example.se', bot.url))).text();
    const shownInOutlook = feed.split(/\r?\n/).filter((l) => /^(SUMMARY|DESCRIPTION|X-WR-CALNAME|NAME)[:;]/.test(l));
    expect(shownInOutlook.length).toBeGreaterThan(3);
    seen.push(...shownInOutlook);
    expect(markdown).toContain('- Möte: 2026-12-08 13:00');
    expect(leaks()).toEqual([]);
  });
});
