import { actionExecute, channelMessage, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardActions, cardTexts } from '../helpers/cards';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/** Jag kommer / Förhinder replace the tapped card: a meeting view stays the person's own view, the channel card stays the channel card. */
const now = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
const CHANNEL = '19:lgs-own-card@thread.tacv2';
const opts = (user: string) => ({ user, locale: 'sv-SE', serviceUrl: bot.connector.url });
let meetingId = '';
const invokeCard = (r: { body: string }) => (JSON.parse(r.body) as { value: Record<string, unknown> }).value;

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => now });
  for (const user of [USERS.processLeaderLgs, USERS.memberRegion, USERS.memberKommun]) await bot.post(personalInstall(opts(user)));
  await bot.post(channelMessage('koppla LGS', { ...opts(USERS.processLeaderLgs), channelId: CHANNEL }));
  meetingId = (await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' })).id;
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

describe('the card after Jag kommer / Förhinder', () => {
  it('in a personal chat, the meeting view tapped comes back as the view with "Ditt svar", Närvaro and the date in the title', async () => {
    await bot.post(personalMessage('möten LGS', opts(USERS.memberRegion)));
    const [view] = bot.connector.cards();
    const [, attendData] = cardActions(view).find(([title]) => title === 'Jag kommer')!;
    expect(attendData).toEqual({ org: 'goteborgsomradet', group: 'lgs', meetingId, card: 'view' });
    const attended = invokeCard(await bot.post(actionExecute('attend', attendData as Record<string, unknown>, opts(USERS.memberRegion))));
    expect(cardTexts(attended)).toEqual(
      expect.arrayContaining(['Dagordning – LGS · tis 8 dec. 2026', 'Närvaro: 1 kommer, 0 har förhinder, 2 har inte svarat.', 'Ditt svar: Kommer']),
    );
    expect(cardActions(attended).map(([title]) => title)).toEqual(['Jag kommer', 'Förhinder', 'Synpunkter']);
    const absent = invokeCard(await bot.post(actionExecute('absent', attendData as Record<string, unknown>, opts(USERS.memberRegion))));
    expect(cardTexts(absent).filter((l) => l.startsWith('Ditt svar') || l.startsWith('Närvaro'))).toEqual([
      'Närvaro: 0 kommer, 1 har förhinder, 2 har inte svarat.',
      'Ditt svar: Förhinder',
    ]);
  });

  it('a chair (a lead and a ledamot) keeps who has not answered and the lead buttons on their own view', async () => {
    const { id } = await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' }, { date: '2026-12-15' });
    await bot.post(personalInstall(opts(USERS.chairLgs)));
    const data = { org: 'goteborgsomradet', group: 'lgs', meetingId: id, card: 'view' };
    const card = invokeCard(await bot.post(actionExecute('attend', data, opts(USERS.chairLgs))));
    const lines = cardTexts(card);
    expect([lines[0], ...lines.filter((l) => l.startsWith('Ditt svar') || l.startsWith('Har inte svarat'))]).toEqual([
      'Dagordning – LGS · tis 15 dec. 2026',
      'Ditt svar: Kommer',
      'Har inte svarat: Ledamot kommun (demo), Ledamot region (demo)',
    ]);
    expect(cardActions(card).map(([title]) => title)).toEqual([
      'Jag kommer',
      'Förhinder',
      'Synpunkter',
      'Revidera',
      'Sammanställning',
      'Avsluta möte',
      'Registrera beslut',
    ]);
  });

  it("in the channel, the agenda card tapped comes back as the channel card: the counts, no one's own answer", async () => {
    const data = { org: 'goteborgsomradet', group: 'lgs', meetingId };
    await bot.post(actionExecute('absent', data, { ...opts(USERS.memberRegion), channelId: CHANNEL }));
    const card = invokeCard(await bot.post(actionExecute('attend', data, { ...opts(USERS.memberKommun), channelId: CHANNEL })));
    const lines = cardTexts(card);
    expect(lines[0]).toBe('Dagordning – LGS');
    expect(lines.filter((l) => l.startsWith('Ditt svar') || l.startsWith('Närvaro'))).toEqual([]);
    expect(lines).toContain('1 kommer · 1 har förhinder');
  });
});
