import { actionSubmit, personalMessage, USERS } from '../helpers/activities';
import { cardInputs, cardTexts } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

// Issue 12 part 3: group settings edited in Teams, used by the features that read them, kept across restarts.
const NOW = new Date('2026-11-22T10:00:00Z');
const clock = { now: () => NOW };
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({}, clock);
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const opts = (user: string, serviceUrl = bot.connector.url) => ({ user, locale: 'sv-SE', serviceUrl });
const save = (extra: Record<string, unknown>) => ({ verb: 'saveSettings', org: 'goteborgsomradet', group: 'nosam-hisingen', ...extra });

describe('inställningar <grupp>', () => {
  it('a member cannot open or save the settings, and bad data changes nothing', async () => {
    await bot.post(personalMessage('inställningar LGS', opts(USERS.memberRegion)));
    await bot.post(actionSubmit(save({ group: 'lgs', cutoffHours: '48' }), opts(USERS.memberRegion)));
    await bot.post(actionSubmit(save({ cutoffHours: '10000' }), opts(USERS.processLeaderNosam)));
    await bot.post(actionSubmit(save({ justerare: USERS.stranger }), opts(USERS.processLeaderNosam)));
    const refusal = 'Bara gruppens processledare och administratörer kan ändra inställningarna för LGS. Inget ändrades.';
    expect(bot.connector.texts()).toEqual([
      refusal,
      refusal,
      'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.',
      'Justeraren ska vara med i gruppen. Inget ändrades.',
    ]);
    expect(await bot.running.repos.settings.groupSettings('goteborgsomradet')).toEqual(new Map());
  });

  it('the process leader saves settings; the meeting form, the årshjul and a restarted bot use them', async () => {
    await bot.post(personalMessage('inställningar NOSAM Hisingen', opts(USERS.processLeaderNosam)));
    const form = bot.connector.cards()[0];
    expect(cardTexts(form)[0]).toBe('Inställningar – NOSAM Hisingen');
    expect(cardInputs(form).reportCadence.value).toBe('half-yearly');

    bot.connector.clear();
    await bot.post(
      actionSubmit(
        save({ deputies: 'true', guidanceMin: '6', guidanceMax: '8', guidancePer: 'year', reportCadence: 'quarterly', justerare: USERS.memberKommun, cutoffHours: '48' }),
        opts(USERS.processLeaderNosam),
      ),
    );
    expect(bot.connector.texts()).toEqual(['Inställningarna för NOSAM Hisingen är sparade.']);
    const group = bot.running.catalog.get('goteborgsomradet')!.groups.find((g) => g.id === 'nosam-hisingen')!;
    expect([group.deputies?.appointed, group.meetings, group.justerareDefault, group.inputCutoffHours]).toEqual([
      true,
      { kind: 'guidance', min: 6, max: 8, per: 'year', quote: null, source: 'Inställning i Teams' },
      USERS.memberKommun,
      48,
    ]);

    bot.connector.clear();
    await bot.post(personalMessage('möte NOSAM Hisingen', opts(USERS.processLeaderNosam)));
    expect(cardInputs(bot.connector.cards()[0]).cutoffHours.value).toBe(48);
    bot.connector.clear();
    await bot.post(personalMessage('årshjul NOSAM Hisingen', opts(USERS.processLeaderNosam)));
    const lines = cardTexts(bot.connector.cards()[0]);
    expect(lines.some((l) => l.includes('Kvartalsvis informationsbrev/rapport'))).toBe(true);
    expect(lines.some((l) => l.includes('Halvårsvis informationsbrev/rapport'))).toBe(false);

    const again = await startTestBot({ TABLE_PREFIX: bot.config.tablePrefix }, clock);
    try {
      await again.post(personalMessage('möte NOSAM Hisingen', opts(USERS.processLeaderNosam, again.connector.url)));
      expect(cardInputs(again.connector.cards()[0]).cutoffHours.value).toBe(48);
    } finally {
      await again.stop(true);
    }
  });
});
