import { actionSubmit, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { agendaItem, heldLgsMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';
import { decisionForm } from '../helpers/decisionForm';

/** Decision search and parties as people type them: without å/ä/ö (issue 13). */
let bot: TestBot;
const NOW = new Date('2026-12-08T15:00:00Z');
const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
const meetingId = '2026-12-08-hem123';
const itemId = 'p1-hemg';

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => NOW });
  await bot.running.repos.groupState.saveMeeting(
    heldLgsMeeting(meetingId, [agendaItem(itemId, { title: 'Trygg hemgång', kind: 'beslut', presenter: 'PL', minutes: 20 })]),
  );
  await bot.post(
    actionSubmit(decisionForm(meetingId, itemId, { title: 'Trygg hemgång', text: 'Rutinen för hemgång från sjukhus fastställs.' }), opts(USERS.processLeaderLgs)),
  );
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

describe('typed without å/ä/ö', () => {
  it.each(['beslut LGS hemgang', 'beslut lgs HEMGÅNG', 'beslut ledningsgruppen for samverkan hemgang'])('"%s" finds "Trygg hemgång"', async (said) => {
    await bot.post(personalMessage(said, opts(USERS.memberRegion)));
    expect(bot.connector.cards().map((c) => cardTexts(c)[0])).toEqual(['LGS 2026:1 – Trygg hemgång']);
  });

  it.each(['förankring Närhälsan', 'forankring narhalsan'])('"%s" names the party', async (said) => {
    await bot.post(personalMessage(said, opts(USERS.memberRegion)));
    expect(bot.connector.texts()).toEqual(['Inga beslut väntar på förankring hos Närhälsan (VGPV).']);
  });
});
