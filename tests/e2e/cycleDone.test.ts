import { actionSubmit, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

/**
 * Årshjul "Klart" (done for the whole group) is for the item's audience and the group's leads;
 * "Sett" (seen, only for yourself) is for the people the reminder is for and the group's members.
 * A refused press changes nothing and the reminders keep coming.
 */

const NOW = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => NOW });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
/** LGS's yearly follow-up, addressed to the chair and the process leader; due 2026-12-10, reminded 30 and 14 days before. */
const FOLLOW_UP = { org: 'goteborgsomradet', group: 'lgs', occurrence: 'lgs-handlingsplan-uppfoljning|2026-12-10', deadline: '2026-12-10' };
const FOLLOW_UP_TITLE = 'Påminnelse: Årlig uppföljning av LGS övergripande handlingsplan';
const doneMarks = async () => [...(await bot.running.repos.ledger.load('goteborgsomradet', '2026-11-22')).done];
const remindersTo = (user: string) =>
  bot.connector.sent
    .filter((s) => s.conversationId === `a:personal-${user}`)
    .flatMap((s) => s.activity.attachments ?? [])
    .map((a) => cardTexts(a.content)[0]);

describe('årshjul: who may mark an item done', () => {
  it("refuses a plain member's forged Klart on a chair-only item: nothing changes and the chair is still reminded", async () => {
    // The chair has a personal chat with the bot, so the sweep can reach them.
    await bot.post(personalMessage('hjälp', opts(USERS.chairLgs)));
    bot.connector.clear();

    await bot.post(actionSubmit({ verb: 'reminderDone', ...FOLLOW_UP }, opts(USERS.memberRegion)));
    await bot.post(actionSubmit({ verb: 'reminderDone', ...FOLLOW_UP }, opts(USERS.memberRegion, 'en-US')));
    // An administrator administers; marking the group's tasks is for the audience and the leads.
    await bot.post(actionSubmit({ verb: 'reminderDone', ...FOLLOW_UP }, opts(USERS.admin)));
    expect(bot.connector.texts()).toEqual([
      'Bara de som uppgiften är till för, och gruppens ordförande, vice ordförande och processledare, kan markera ”Årlig uppföljning av LGS övergripande handlingsplan” som klart för LGS. Inget ändrades.',
      'Only the people the task is for, and the group\'s chair, vice chair and process leader, can mark "Yearly follow-up of the LGS overall action plan" as done for LGS. Nothing was changed.',
      'Bara de som uppgiften är till för, och gruppens ordförande, vice ordförande och processledare, kan markera ”Årlig uppföljning av LGS övergripande handlingsplan” som klart för LGS. Inget ändrades.',
    ]);
    expect(await doneMarks()).toEqual([]);

    bot.connector.clear();
    await bot.running.scheduler.runOnce();
    expect(remindersTo(USERS.chairLgs)).toContain(FOLLOW_UP_TITLE);
    expect(remindersTo(USERS.memberRegion)).not.toContain(FOLLOW_UP_TITLE);

    // The chair, who the item is for, may mark it done.
    bot.connector.clear();
    await bot.post(actionSubmit({ verb: 'reminderDone', ...FOLLOW_UP }, opts(USERS.chairLgs)));
    expect(bot.connector.texts()).toEqual(['Markerat som klart: Årlig uppföljning av LGS övergripande handlingsplan för LGS. Ingen i gruppen påminns mer om den.']);
    expect(await doneMarks()).toEqual(['goteborgsomradet|lgs|lgs-handlingsplan-uppfoljning|2026-12-10']);
  });

  it('lets the vice chair (a lead) mark an item done, and a member mark one addressed to the members', async () => {
    // LGS's annual report is for chair, vice and process leader; the joint meeting also for members.
    await bot.post(
      actionSubmit(
        { verb: 'reminderDone', org: 'goteborgsomradet', group: 'lgs', occurrence: 'lgs-arsrapport|2027-03-31', deadline: '2027-03-31' },
        opts(USERS.memberKommun),
      ),
    );
    await bot.post(
      actionSubmit(
        { verb: 'reminderDone', org: 'goteborgsomradet', group: 'lgs', occurrence: 'gemensamt-mote-lgs-politiskt-samrad|2027-05-31', deadline: '2027-05-31' },
        opts(USERS.memberRegion),
      ),
    );
    expect(bot.connector.texts()).toEqual([
      'Markerat som klart: LGS årsrapport för LGS. Ingen i gruppen påminns mer om den.',
      'Markerat som klart: Gemensamt möte LGS och politiskt samråd för LGS. Ingen i gruppen påminns mer om den.',
    ]);
  });

  it('keeps Sett open to a member and refuses it to someone outside the group', async () => {
    const data = { verb: 'reminderAck', org: 'goteborgsomradet', group: 'lgs', occurrence: 'lgs-arsrapport|2027-03-31', deadline: '2027-03-31' };
    await bot.post(actionSubmit(data, opts(USERS.memberRegion)));
    await bot.post(actionSubmit(data, opts(USERS.stranger)));
    expect(bot.connector.texts()).toEqual([
      'Noterat. Du påminns inte mer om LGS årsrapport.',
      'Bara gruppens ledamöter och de som får påminnelsen kan svara på den för LGS. Inget ändrades.',
    ]);
    const ledger = await bot.running.repos.ledger.load('goteborgsomradet', '2026-11-22');
    expect([...ledger.acknowledged]).toEqual([`goteborgsomradet|lgs|lgs-arsrapport|2027-03-31|${USERS.memberRegion}`]);
  });

  it.each([
    ['an occurrence the group does not have', { occurrence: 'lgs-handlingsplan-uppfoljning|2031-12-10', deadline: '2031-12-10' }],
    ['an item that does not apply to the group', { occurrence: 'kvartalsrapport|2026-12-31', deadline: '2026-12-30' }],
    ['a deadline that is not a calendar date', { deadline: '2026-02-30' }],
    ['a deadline outside 2000–2100', { deadline: '2101-01-01' }],
    ['an over-long occurrence', { occurrence: `lgs-handlingsplan-uppfoljning|${'x'.repeat(300)}` }],
    ['markup in the occurrence', { occurrence: 'lgs-handlingsplan-uppfoljning|<at>x</at>' }],
    ['a group id that is not a slug', { group: 'LGS/../x' }],
  ])('refuses a card with %s and changes nothing', async (_name, change) => {
    const before = await doneMarks();
    await bot.post(actionSubmit({ verb: 'reminderDone', ...FOLLOW_UP, ...change }, opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual(['Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.']);
    expect(await doneMarks()).toEqual(before);
  });
});
