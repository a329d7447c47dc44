import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { actionExecute, actionSubmit, channelMessage, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { agendaItem, createMeeting, heldLgsMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/**
 * Issue 13, "every recipient in their language": what the bot sends on its own (reminders,
 * catch-ups, the minutes for justering, notices) is in each recipient's language, their `språk`
 * choice, else the locale Teams last sent for them; channel posts are in the organisation's.
 */

let now = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
const CHANNEL = '19:lgs-language@thread.tacv2';
const opts = (user: string, locale: string) => ({ user, locale, serviceUrl: bot.connector.url });
const personal = (user: string) => `a:personal-${user}`;
/** The texts of each card sent to a conversation, in order. */
const cardsIn = (conversation: string) =>
  bot.connector.sent.filter((s) => s.conversationId === conversation).flatMap((s) => (s.activity.attachments ?? []).map((a) => cardTexts(a.content)));
const titlesIn = (conversation: string) => cardsIn(conversation).map((texts) => texts[0]);
const textsIn = (conversation: string) => bot.connector.sent.filter((s) => s.conversationId === conversation && s.activity.text).map((s) => s.activity.text);

/** LGS's yearly follow-up (due 2026-12-10) is for the chair and the process leader; on 22 November both are reminded. */
const FOLLOW_UP_SV = 'Påminnelse: Årlig uppföljning av LGS övergripande handlingsplan';
const FOLLOW_UP_EN = 'Reminder: Yearly follow-up of the LGS overall action plan';

async function startBot(env: Record<string, string> = {}): Promise<void> {
  now = new Date('2026-11-22T10:00:00Z');
  bot = await startTestBot(env, { now: () => now });
}

describe('messages the sweep sends, in each recipient language', () => {
  beforeEach(() => startBot());
  afterEach(async () => bot.stop());

  it('reminds an English-speaking chair (Teams en-US, no språk choice) in English and the Swedish process leader in Swedish', async () => {
    await bot.post(personalMessage('hjälp', opts(USERS.chairLgs, 'en-US')));
    await bot.post(personalMessage('hjälp', opts(USERS.processLeaderLgs, 'sv-SE')));
    bot.connector.clear();
    await bot.running.scheduler.runOnce();
    expect(cardsIn(personal(USERS.chairLgs)).find((c) => c[0] === FOLLOW_UP_EN)).toEqual([
      FOLLOW_UP_EN,
      'Group: LGS',
      'Proposed date: Thu, 10 Dec 2026 (proposal – not decided)',
      'Days left: 18',
      'You get it as: chair',
      'The date is a proposal, not decided: the documents name the task but not the date. The group decides when it is due.',
    ]);
    expect(cardsIn(personal(USERS.processLeaderLgs)).find((c) => c[0] === FOLLOW_UP_SV)).toEqual([
      FOLLOW_UP_SV,
      'Grupp: LGS',
      'Föreslaget datum: tors 10 dec. 2026 (förslag – inte fastställt)',
      'Dagar kvar: 18',
      'Du får den som: processledare',
      'Datumet är ett förslag och inte fastställt: dokumenten nämner uppgiften men inte datumet. Gruppen bestämmer när den ska vara klar.',
    ]);
    // Every card to each of them is in their language, not only this one.
    expect(titlesIn(personal(USERS.chairLgs)).filter((t) => !t.startsWith('Reminder: '))).toEqual([]);
    expect(titlesIn(personal(USERS.processLeaderLgs)).filter((t) => !t.startsWith('Påminnelse: '))).toEqual([]);
  });

  it('stores the Teams locale only when it changes, and follows a client switched to Swedish', async () => {
    const writes = jest.spyOn(bot.running.repos.members, 'setTeamsLocale');
    await bot.post(personalMessage('hjälp', opts(USERS.chairLgs, 'en-US')));
    await bot.post(personalMessage('hjälp', opts(USERS.chairLgs, 'en-GB')));
    await bot.post(personalMessage('hjälp', opts(USERS.chairLgs, 'en-US')));
    expect(writes.mock.calls).toEqual([[USERS.chairLgs, 'en']]);
    await bot.post(personalMessage('hjälp', opts(USERS.chairLgs, 'sv-SE')));
    expect(writes.mock.calls).toEqual([
      [USERS.chairLgs, 'en'],
      [USERS.chairLgs, 'sv'],
    ]);
    bot.connector.clear();
    await bot.running.scheduler.runOnce();
    expect(titlesIn(personal(USERS.chairLgs))).toContain(FOLLOW_UP_SV);
    expect(titlesIn(personal(USERS.chairLgs))).not.toContain(FOLLOW_UP_EN);
  });

  it('lets a språk choice win over the Teams locale: språk svenska on an en-US client gives Swedish reminders', async () => {
    await bot.post(personalMessage('språk svenska', opts(USERS.processLeaderLgs, 'en-US')));
    await bot.post(personalMessage('hjälp', opts(USERS.processLeaderLgs, 'en-US')));
    await bot.post(personalMessage('help', opts(USERS.chairLgs, 'en-US')));
    bot.connector.clear();
    await bot.running.scheduler.runOnce();
    expect(titlesIn(personal(USERS.processLeaderLgs))).toContain(FOLLOW_UP_SV);
    expect(titlesIn(personal(USERS.processLeaderLgs))).not.toContain(FOLLOW_UP_EN);
    expect(titlesIn(personal(USERS.chairLgs))).toContain(FOLLOW_UP_EN);
  });

  it('sends the catch-up in English to the absent member whose Teams is English, and in Swedish to the Swedish one', async () => {
    for (const [user, locale] of [
      [USERS.processLeaderLgs, 'sv-SE'],
      [USERS.memberKommun, 'en-US'],
      [USERS.memberRegion, 'sv-SE'],
    ] as const)
      await bot.post(personalInstall(opts(user, locale)));
    await bot.post(channelMessage('koppla LGS', { ...opts(USERS.processLeaderLgs, 'sv-SE'), channelId: CHANNEL }));
    const made = await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' }, {}, 1);
    const data = { org: 'goteborgsomradet', group: 'lgs', meetingId: made.id };
    await bot.post(actionExecute('absent', data, { ...opts(USERS.memberKommun, 'en-US'), channelId: CHANNEL }));
    await bot.post(actionExecute('absent', data, { ...opts(USERS.memberRegion, 'sv-SE'), channelId: CHANNEL }));
    now = new Date('2026-12-08T15:00:00Z');
    await bot.post(personalMessage(`avsluta ${made.ref}`, opts(USERS.processLeaderLgs, 'sv-SE')));
    const version = (bot.connector.cards().at(-1) as { actions: { data: { version: string } }[] }).actions[0].data.version;
    await bot.post(actionSubmit({ verb: 'closeMeeting', ...data, version, [`summary_${made.itemIds[0]}`]: 'Noterades.' }, opts(USERS.processLeaderLgs, 'sv-SE')));
    bot.connector.clear();
    await bot.running.scheduler.runOnce();
    expect(cardsIn(personal(USERS.memberKommun)).find((c) => c[0] === 'What happened at the meeting – LGS')).toEqual([
      'What happened at the meeting – LGS',
      "You couldn't attend on Tue, 8 Dec 2026, 13:00. This is what happened per item:",
      '**1. Punkt 1**',
      'Noterades.',
      'A link to the minutes follows when they are approved and published.',
    ]);
    expect(cardsIn(personal(USERS.memberRegion)).find((c) => c[0] === 'Det här hände på mötet – LGS')).toEqual([
      'Det här hände på mötet – LGS',
      'Du hade förhinder tis 8 dec. 2026 13:00. Så här blev det per punkt:',
      '**1. Punkt 1**',
      'Noterades.',
      'Länk till minnesanteckningarna kommer när de är justerade och publicerade.',
    ]);
    expect(titlesIn(personal(USERS.memberKommun))).not.toContain('Det här hände på mötet – LGS');
    expect(titlesIn(personal(USERS.memberRegion))).not.toContain('What happened at the meeting – LGS');
  });
});

describe('meeting messages before the meeting, in the recipient language', () => {
  beforeEach(() => startBot());
  afterEach(async () => bot.stop());

  it('reminds an absent en-US member to leave input in English, and sends the brief to an en-US chair in English and to the Swedish process leader in Swedish', async () => {
    for (const [user, locale] of [
      [USERS.processLeaderLgs, 'sv-SE'],
      [USERS.chairLgs, 'en-US'],
      [USERS.memberKommun, 'en-US'],
      [USERS.memberRegion, 'sv-SE'],
    ] as const)
      await bot.post(personalInstall(opts(user, locale)));
    await bot.post(channelMessage('koppla LGS', { ...opts(USERS.processLeaderLgs, 'sv-SE'), channelId: CHANNEL }));
    const made = await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' }, {}, 1);
    const data = { org: 'goteborgsomradet', group: 'lgs', meetingId: made.id };
    await bot.post(actionExecute('absent', data, { ...opts(USERS.memberKommun, 'en-US'), channelId: CHANNEL }));
    await bot.post(actionExecute('absent', data, { ...opts(USERS.memberRegion, 'sv-SE'), channelId: CHANNEL }));
    bot.connector.clear();
    now = new Date('2026-12-04T13:00:00Z');
    await bot.running.scheduler.runOnce();
    expect(titlesIn(personal(USERS.memberKommun))).toContain('Leave input before the meeting – LGS');
    expect(titlesIn(personal(USERS.memberRegion))).toContain('Lämna synpunkter inför mötet – LGS');
    bot.connector.clear();
    now = new Date('2026-12-07T12:30:00Z');
    await bot.running.scheduler.runOnce();
    expect(titlesIn(personal(USERS.chairLgs)).filter((t) => t.startsWith('Brief') || t.startsWith('Sammanställning'))).toEqual(['Brief before the meeting – LGS']);
    expect(titlesIn(personal(USERS.processLeaderLgs)).filter((t) => t.startsWith('Brief') || t.startsWith('Sammanställning'))).toEqual([
      'Sammanställning inför mötet – LGS',
    ]);
  });
});

describe('the deputy notice, in the process leader language', () => {
  beforeEach(() => startBot());
  afterEach(async () => bot.stop());

  it('tells an en-US process leader in English to call the deputy of a Swedish member', async () => {
    await bot.post(personalInstall(opts(USERS.processLeaderLgs, 'en-US')));
    await bot.post(personalInstall(opts(USERS.memberRegion, 'sv-SE')));
    const made = await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' }, {}, 1);
    await bot.post(actionSubmit({ verb: 'saveSettings', org: 'goteborgsomradet', group: 'lgs', deputies: 'true' }, opts(USERS.processLeaderLgs, 'en-US')));
    bot.connector.clear();
    await bot.post(actionExecute('absent', { org: 'goteborgsomradet', group: 'lgs', meetingId: made.id }, opts(USERS.memberRegion, 'sv-SE')));
    expect(textsIn(personal(USERS.processLeaderLgs))).toEqual([
      "Ledamot region (demo) can't attend LGS Tue, 8 Dec 2026, 13:00; the group has deputies but none is named for Ledamot region (demo) – call the deputy (name them with **deputies LGS**).",
    ]);
    expect(textsIn(personal(USERS.memberRegion))).toEqual([
      'Processledaren har fått veta att du har förhinder och kallar din ersättare. Ingen ersättare är namngiven för dig ännu; processledaren eller en administratör kan namnge en med **ersättare LGS**.',
    ]);
  });
});

describe('the minutes for justering and the outcome notice, in the recipient language', () => {
  beforeEach(() => startBot());
  afterEach(async () => bot.stop());

  it('sends the minutes to an en-US justerare in English, and tells the process leader who chose English in English', async () => {
    // The chair (the default justerare) has only installed the bot, from an English Teams client.
    await bot.post(personalInstall(opts(USERS.chairLgs, 'en-US')));
    await bot.post(personalMessage('språk en', opts(USERS.processLeaderLgs, 'sv-SE')));
    await bot.running.repos.groupState.saveMeeting(heldLgsMeeting('2026-12-08-lgs', [agendaItem('a')]));
    now = new Date('2026-12-08T15:00:00Z');
    bot.connector.clear();
    await bot.post(personalMessage('minnesanteckningar goteborgsomradet/lgs/2026-12-08-lgs', opts(USERS.processLeaderLgs, 'sv-SE')));
    const draft = bot.connector.cards()[0] as { actions: { data: Record<string, unknown> }[] };
    bot.connector.clear();
    await bot.post(actionSubmit({ ...draft.actions[0].data, notes_a: 'Noterades.' }, opts(USERS.processLeaderLgs, 'sv-SE')));
    expect(bot.connector.texts()).toEqual(['The minutes are saved as sent for approval. Ordförande LGS (demo) has them in a personal chat.']);
    expect(cardsIn(personal(USERS.chairLgs))).toEqual([
      [
        'Minutes – LGS Tue, 8 Dec 2026',
        'Status: Sent for approval',
        'Version: 1',
        'Present: –',
        'Apologies: –',
        '**1. Punkt a**',
        'Noterades.',
        'Minutes taken by: Processledare LGS (demo)',
      ],
    ]);
    const justering = bot.connector.sent.filter((s) => s.conversationId === personal(USERS.chairLgs)).flatMap((s) => s.activity.attachments ?? [])[0].content as {
      actions: { title: string; data: Record<string, unknown> }[];
    };
    expect(justering.actions.map((a) => a.title)).toEqual(['Approve', 'Return with comment']);
    bot.connector.clear();
    await bot.post(actionSubmit({ ...justering.actions[0].data, comment: '' }, opts(USERS.chairLgs, 'en-US')));
    expect(textsIn(personal(USERS.processLeaderLgs))).toEqual([
      'The minutes of LGS (Tue, 8 Dec 2026) were approved by Ordförande LGS (demo). Type **publish LGS \\<web address\\>** once they are published.',
    ]);
  });
});

describe('channel posts in the organisation language', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'orgs-en-'));
    await cp('orgs', dir, { recursive: true });
    const file = path.join(dir, 'goteborgsomradet.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('timeZone: Europe/Stockholm\n', 'timeZone: Europe/Stockholm\nlanguage: en\n'));
  });
  beforeEach(() => startBot({ ORG_DIR: dir }));
  afterEach(async () => bot.stop());

  it('posts the agenda in English in an organisation with language: en, while the Swedish lead is answered in Swedish', async () => {
    await bot.post(channelMessage('koppla LGS', { ...opts(USERS.processLeaderLgs, 'sv-SE'), channelId: CHANNEL }));
    bot.connector.clear();
    await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' }, {}, 1);
    expect(cardsIn(CHANNEL)).toEqual([
      [
        'Agenda – LGS',
        'Time: Tue, 8 Dec 2026, 13:00–13:15',
        'Place: Teams-möte',
        'Input by: Mon, 7 Dec 2026, 13:00',
        'Status: Planned',
        '**1. Punkt 1**',
        'Information · presenter Processledare · 15 min',
        '0 attending · 0 absent',
      ],
    ]);
    expect(bot.connector.texts()).toEqual([
      'Mötet för LGS tis 8 dec. 2026 13:00 är skapat och dagordningen publicerad i gruppens kanal. Ledamöterna svarar Jag kommer eller Förhinder på kortet. Sammanställningen går till ordförande och processledare när synpunkterna stänger mån 7 dec. 2026 13:00; skriv **sammanställning LGS** för att se den tidigare.',
    ]);
  });

  it('falls back to the channel in English for someone without a personal chat, and still writes to the Swedish lead in Swedish', async () => {
    await bot.post(personalMessage('hjälp', opts(USERS.processLeaderLgs, 'sv-SE')));
    await bot.post(channelMessage('koppla LGS', { ...opts(USERS.processLeaderLgs, 'sv-SE'), channelId: CHANNEL }));
    bot.connector.clear();
    await bot.running.scheduler.runOnce();
    const inChannel = bot.connector.sent.filter((s) => s.conversationId === CHANNEL).map((s) => [s.activity.text, cardTexts(s.activity.attachments![0].content)[0]]);
    expect(inChannel).toContainEqual(['<at>Ordförande LGS (demo)</at>', FOLLOW_UP_EN]);
    expect(inChannel.filter(([, title]) => !(title ?? '').startsWith('Reminder: '))).toEqual([]);
    expect(titlesIn(personal(USERS.processLeaderLgs))).toContain(FOLLOW_UP_SV);
    expect(titlesIn(personal(USERS.processLeaderLgs)).filter((t) => !t.startsWith('Påminnelse: '))).toEqual([]);
  });
});
