import { personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/**
 * Reading is tolerant where writing is strict: rows that cannot be read (written by an older
 * version, by hand, or the `minutes: Infinity` that JSON stores as null) are logged and
 * skipped, and never fail the group, the groups list or the reminder sweep (issue 9).
 */
let bot: TestBot;
const now = new Date('2026-11-22T10:00:00Z');
const opts = (user: string) => ({ user, serviceUrl: bot.connector.url });
const ERROR = 'Något gick fel hos mig och inget sparades. Försök igen om en stund; om felet finns kvar, kontakta samverkanskontoret.';
let ref = '';

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => now });
  for (const user of [USERS.processLeaderLgs, USERS.chairLgs, USERS.memberRegion]) await bot.post(personalInstall(opts(user)));
  ({ ref } = await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' }));
  const readable = (await bot.running.repos.groupState.meeting('goteborgsomradet', 'lgs', ref.split('/')[2]))!.meeting;
  // Written straight into Azurite with a TableClient, past every schema.
  const infinity = JSON.stringify({ ...readable, id: '2026-12-09-aaaaaaaa', date: '2026-12-09', agenda: readable.agenda.map((i) => ({ ...i, minutes: Infinity })) });
  const groupState = bot.running.store.table('GroupState');
  for (const [partitionKey, rowKey, row] of [
    ['goteborgsomradet', 'lgs|meeting|2026-12-09-aaaaaaaa', { kind: 'meeting', date: '2026-12-09', data: infinity }],
    ['goteborgsomradet', 'lgs|meeting|2026-12-10-bbbbbbbb', { kind: 'meeting', date: '2026-12-10', data: '{"id": "2026-12-10-bbbbbbbb", trasig' }],
    ['goteborgsomradet', 'lgs|term|2026-01-01|chair|trasig', { kind: 'term', effectiveEnd: '2099-12-31', data: '{"id": 1}' }],
    ['goteborgsomradet', 'lgs|member|00000000-0000-0000-0000-000000000077', { kind: 'member', displayName: 'Trasig', roles: 'inte json' }],
    ['samla', 'samla-samordningsgrupp|meeting|2026-12-11-cccccccc', { kind: 'meeting', date: '2026-12-11', data: infinity.replace(/goteborgsomradet/g, 'samla') }],
  ] as const)
    await groupState.createEntity({ partitionKey, rowKey, ...row });
  const [org, group, id] = ref.split('/');
  await bot.running.store
    .table('MeetingInputs')
    .createEntity({ partitionKey: `${org}|${group}|${id}`, rowKey: `r|${USERS.memberRegion}`, attendance: 'kanske', at: 'igår' });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

describe('one unreadable row breaks nothing', () => {
  it('möten shows the readable meeting with its attendance', async () => {
    await bot.post(personalMessage('möten LGS', opts(USERS.memberRegion)));
    expect(bot.connector.texts()).toEqual([]);
    expect(bot.connector.cards().map((c) => cardTexts(c).slice(0, 6))).toEqual([
      [
        'Dagordning – LGS · tis 8 dec. 2026',
        'Tid: tis 8 dec. 2026 13:00–13:30',
        'Plats: Teams-möte',
        'Synpunkter senast: mån 7 dec. 2026 13:00',
        'Status: Planerat',
        'Närvaro: 0 kommer, 0 har förhinder, 3 har inte svarat.',
      ],
    ]);
  });

  it('grupper lists every group with the next readable meeting', async () => {
    await bot.post(personalMessage('grupper goteborgsomradet', opts(USERS.memberRegion)));
    const texts = cardTexts(bot.connector.cards()[0]);
    expect(texts[texts.indexOf('**LGS** · Din grupp') + 3]).toBe('Nästa möte: 8 dec. 2026 13:00 – Teams-möte');
    await bot.post(personalMessage('grupper samla', opts(USERS.memberRegion)));
    expect(bot.connector.texts()).not.toContain(ERROR);
  });

  it('the group\'s chair, roster and brief still read; an unreadable meeting is "not found"', async () => {
    await bot.post(personalMessage('ordförande LGS', opts(USERS.memberRegion)));
    expect(cardTexts(bot.connector.cards()[0])[2]).toBe('Ordförande: Ordförande LGS (demo), Närhälsan (VGPV) (Region (Västra Götalandsregionen))');
    await bot.post(personalMessage(`sammanställning ${ref}`, opts(USERS.chairLgs)));
    expect(cardTexts(bot.connector.cards()[1])[2]).toBe('0 kommer, 0 har förhinder, 3 har inte svarat.');
    await bot.post(personalMessage('revidera goteborgsomradet/lgs/2026-12-09-aaaaaaaa', opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual(['Jag hittar inte mötet. Det kan ha tagits bort; skriv **möten** för att se gruppens möten.']);
  });

  it('the reminder sweep runs for every organisation', async () => {
    const report = await bot.running.scheduler.runOnce();
    expect(report?.ran).toBe(true);
  });
});
