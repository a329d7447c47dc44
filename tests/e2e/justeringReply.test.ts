import { actionSubmit, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/**
 * "Skicka för justering" tells the sender what was saved, who has the minutes, and who could not be
 * reached and what they do, with one person and several told apart, in the sender's language.
 */
let now = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
const SAVED = 'Minnesanteckningarna är sparade som skickade för justering.';

beforeEach(async () => {
  now = new Date('2026-11-22T10:00:00Z');
  bot = await startTestBot({}, { now: () => now });
  // Only the process leader has a personal chat with the bot: the chair has not installed it.
  await bot.post(personalInstall(opts(USERS.processLeaderLgs)));
  await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' });
  now = new Date('2026-12-08T15:00:00Z');
});
afterEach(async () => bot.stop());

/** The process leader opens the minutes and presses "Skicka för justering"; the reply text. */
async function sendMinutes(locale = 'sv-SE'): Promise<string[]> {
  bot.connector.clear();
  await bot.post(personalMessage('minnesanteckningar LGS', opts(USERS.processLeaderLgs, locale)));
  const send = (bot.connector.cards()[0].actions as { title: string; data: Record<string, string> }[]).find((a) =>
    ['Skicka för justering', 'Send for approval'].includes(a.title),
  )!;
  bot.connector.clear();
  await bot.post(actionSubmit(send.data, opts(USERS.processLeaderLgs, locale)));
  return bot.connector.texts();
}

const storedStatus = async () => {
  const meetingId = (await bot.running.repos.groupState.groups('goteborgsomradet', ['lgs'])).get('lgs')!.meetings[0].id;
  return (await bot.running.repos.decisions.minutes('goteborgsomradet', 'lgs', meetingId))?.minutes.status;
};

describe('the reply to Skicka för justering', () => {
  it('one justerare without a personal chat: saved, not reached, how they open the minutes once they have the bot (hen)', async () => {
    expect(await sendMinutes()).toEqual([
      `${SAVED} Ordförande LGS (demo) kunde inte nås: hen har ingen personlig chatt med mig än. När hen har öppnat Samverkansboten i Teams (installerat den) öppnar hen dem med **minnesanteckningar LGS 2026-12-08**. Ordföranden kan också utse en annan justerare.`,
    ]);
    expect(await storedStatus()).toBe('sent');
  });

  it('in English for an English reader', async () => {
    expect(await sendMinutes('en-US')).toEqual([
      'The minutes are saved as sent for approval. Ordförande LGS (demo) could not be reached: they have no personal chat with me yet. Once they have opened Samverkansboten in Teams (installed it), they open the minutes with **minutes LGS 2026-12-08**. The chair can also name another approver.',
    ]);
  });

  it('two justerare without a personal chat are named together (de)', async () => {
    await bot.post(actionSubmit({ verb: 'saveSettings', org: 'goteborgsomradet', group: 'lgs', justerare: USERS.memberKommun }, opts(USERS.processLeaderLgs)));
    expect(await sendMinutes()).toEqual([
      `${SAVED} Ordförande LGS (demo) och Ledamot kommun (demo) (gruppens förvalda justerare) kunde inte nås: de har ingen personlig chatt med mig än. När de har öppnat Samverkansboten i Teams (installerat den) öppnar de dem med **minnesanteckningar LGS 2026-12-08**. Ordföranden kan också utse en annan justerare.`,
    ]);
  });

  it('one reached and one not: who has them, and who does not', async () => {
    await bot.post(personalInstall(opts(USERS.memberKommun)));
    await bot.post(actionSubmit({ verb: 'saveSettings', org: 'goteborgsomradet', group: 'lgs', justerare: USERS.memberKommun }, opts(USERS.processLeaderLgs)));
    expect(await sendMinutes()).toEqual([
      `${SAVED} Ledamot kommun (demo) (gruppens förvalda justerare) har fått dem i en personlig chatt. Ordförande LGS (demo) kunde inte nås: hen har ingen personlig chatt med mig än. När hen har öppnat Samverkansboten i Teams (installerat den) öppnar hen dem med **minnesanteckningar LGS 2026-12-08**. Ordföranden kan också utse en annan justerare.`,
    ]);
  });
});
