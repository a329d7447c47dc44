import { actionSubmit, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardActions, cardTexts } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

const NOW = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;

/** Each test starts its own bot on fresh tables: what was marked done or who has a chat is what the test set up. */
beforeEach(async () => {
  bot = await startTestBot({ PUBLIC_BASE_URL: 'https://samverkansboten.example.se' }, { now: () => NOW });
});
afterEach(async () => bot.stop());

const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });

describe('årshjul', () => {
  it("shows the LGS chair's and vice chair's terms ending on the same day as one line, and as one calendar event of the same name", async () => {
    await bot.post(personalMessage('årshjul LGS', opts(USERS.chairLgs)));
    const card = bot.connector.cards()[0];
    const lines = cardTexts(card).filter((l) => l.includes('period'));
    expect(lines).toEqual(['tors 31 dec. 2026: Ordförandens och vice ordförandens perioder löper ut – förbered nästa ordförande och vice ordförande']);
    const url = (card.actions as { url: string }[])[0].url.replace('https://samverkansboten.example.se', bot.url);
    const ics = (await (await fetch(url)).text()).replace(/\r\n /g, '');
    expect(ics.split('\r\n').filter((l) => l.startsWith('SUMMARY:') && l.includes('period'))).toEqual([
      'SUMMARY:Ordförandens och vice ordförandens perioder löper ut – förbered nästa ordförande och vice ordförande – LGS',
    ]);
  });

  it("shows the group's coming deadlines with holiday moves and a calendar link", async () => {
    await bot.running.repos.groupState.saveMeeting({
      id: 'm-dec',
      org: 'goteborgsomradet',
      group: 'nosam-hisingen',
      date: '2026-12-08',
      startsAt: '2026-12-08T13:00:00Z',
      title: 'Decembermöte',
      cancelled: false,
    });
    await bot.post(personalMessage('årshjul NOSAM Hisingen', opts(USERS.memberKommun)));
    const card = bot.connector.cards()[0];
    const texts = cardTexts(card);
    // Dates the documents do not give are förslag; NOSAM has no meeting minimum ("utifrån lokala
    // behov", 000) and no "last meeting appoints next year's chair" (a 2022 one-off in 002); the
    // organisation's report cadence for NOSAM is half-yearly (a förslag), so no quarterly item.
    expect(texts.slice(0, 7)).toEqual([
      'Årshjul – NOSAM Hisingen',
      'tis 15 dec. 2026: Halvårsvis informationsbrev/rapport (förslag – inte fastställt)',
      'tis 22 dec. 2026: Justerade minnesanteckningar publiceras på webben (förslag – inte fastställt)',
      'tors 31 dec. 2026: Ordförandens period löper ut – förbered nästa ordförande',
      'mån 1 feb. 2027: Årsrapport till LGS (förslag – inte fastställt; flyttad från 31 jan. 2027, söndag)',
      'mån 1 mars 2027: NOSAM handlingsplan (förslag – inte fastställt)',
      'ons 30 juni 2027: Halvårsvis informationsbrev/rapport (förslag – inte fastställt)',
    ]);
    expect(cardActions(card).map(([t]) => t)).toEqual(['Prenumerera i Outlook']);
    const open = (card.actions as { type: string; title: string; url: string }[])[0];
    expect([open.type, open.title]).toEqual(['Action.OpenUrl', 'Prenumerera i Outlook']);
    expect(open.url).toMatch(/^https:\/\/samverkansboten\.example\.se\/ics\/[A-Za-z0-9_-]{43}\.ics$/);

    const local = open.url.replace('https://samverkansboten.example.se', bot.url);
    const res = await fetch(local);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/calendar; charset=utf-8']);
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('X-WR-CALNAME:Årshjul – NOSAM Hisingen (Göteborgsområdet)');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261215');
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:Halvårsvis informationsbrev/rapport – NOSAM Hisingen (förslag – inte fastställt)');
    expect(ics.replace(/\r\n /g, '')).toContain('Halvårsvis informationsbrev/rapport. Föreslaget datum 2026-12-15 (förslag – inte fastställt).');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270301');
    // Only the chair's term ends here: the event says whose, as the card does.
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:Ordförandens period löper ut – förbered nästa ordförande – NOSAM Hisingen\r\n');
    // The same group keeps its token.
    bot.connector.clear();
    await bot.post(personalMessage('årshjul NOSAM Hisingen', opts(USERS.processLeaderNosam)));
    expect((bot.connector.cards()[0].actions as { url: string }[])[0].url).toBe(open.url);
  });

  it('answers 404 for an unknown or malformed calendar token', async () => {
    expect((await fetch(`${bot.url}/ics/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetch(`${bot.url}/ics/../../etc.ics`)).status).toBe(404);
  });

  it('marks a reminder done from its card, and refuses someone outside the group', async () => {
    const data = { org: 'goteborgsomradet', group: 'nosam-hisingen', occurrence: 'halvarsrapport|2026-12-15', deadline: '2026-12-15' };
    await bot.post(actionSubmit({ verb: 'reminderDone', ...data }, opts(USERS.memberRegion)));
    await bot.post(actionSubmit({ verb: 'reminderDone', ...data }, opts(USERS.processLeaderNosam)));
    await bot.post(
      actionSubmit({ verb: 'reminderAck', ...data, occurrence: 'arsrapport-till-lgs|2027-01-31', deadline: '2027-02-01' }, opts(USERS.memberKommun, 'en-US')),
    );
    await bot.post(actionSubmit({ verb: 'reminderDone', ...data, occurrence: 'okänd|2026' }, opts(USERS.processLeaderNosam)));
    expect(bot.connector.texts()).toEqual([
      'Bara de som uppgiften är till för, och gruppens ordförande, vice ordförande och processledare, kan markera ”Halvårsvis informationsbrev/rapport” som klart för NOSAM Hisingen. Inget ändrades.',
      'Markerat som klart: Halvårsvis informationsbrev/rapport för NOSAM Hisingen. Ingen i gruppen påminns mer om den.',
      'Noted. You will not be reminded about Annual report to LGS again.',
      'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.',
    ]);
    const ledger = await bot.running.repos.ledger.load('goteborgsomradet', '2026-11-22');
    expect([...ledger.done]).toEqual(['goteborgsomradet|nosam-hisingen|halvarsrapport|2026-12-15']);
    expect([...ledger.acknowledged]).toEqual([`goteborgsomradet|nosam-hisingen|arsrapport-till-lgs|2027-01-31|${USERS.memberKommun}`]);
  });

  it('sends due reminders as cards through the scheduler, once', async () => {
    // NOSAM Hisingen's and Öckerö's shared process leader has a personal chat with the bot.
    await bot.post(personalInstall(opts(USERS.processLeaderNosam)));
    bot.connector.clear();
    const first = await bot.running.scheduler.runOnce();
    expect(first?.ran).toBe(true);
    const leader = `a:personal-${USERS.processLeaderNosam}`;
    expect(bot.connector.sent.map((s) => [s.conversationId, ...cardTexts(s.activity.attachments![0].content).slice(0, 3)])).toEqual([
      [leader, 'Påminnelse: Ordförandens period löper ut – förbered nästa ordförande', 'Grupp: NOSAM Hisingen', 'Sista dag: tors 31 dec. 2026'],
    ]);
    bot.connector.clear();
    const second = await bot.running.scheduler.runOnce();
    expect([second?.claimed, bot.connector.sent.length]).toEqual([0, 0]);
  });

  it('leaves out a reminder marked done', async () => {
    await bot.post(personalInstall(opts(USERS.processLeaderNosam)));
    const done = {
      org: 'goteborgsomradet',
      group: 'nosam-hisingen',
      occurrence: 'ordforandeperiod-slutar|term:demo-nosam-hisingen-chair-2026-01-01',
      deadline: '2026-12-31',
    };
    await bot.post(actionSubmit({ verb: 'reminderDone', ...done }, opts(USERS.processLeaderNosam)));
    expect(bot.connector.texts().at(-1)).toBe(
      'Markerat som klart: Ordförandeperioden löper ut – förbered nästa ordförande för NOSAM Hisingen. Ingen i gruppen påminns mer om den.',
    );
    bot.connector.clear();
    const first = await bot.running.scheduler.runOnce();
    expect(first?.ran).toBe(true);
    expect(bot.connector.sent.filter((s) => s.conversationId === `a:personal-${USERS.processLeaderNosam}`)).toEqual([]);
  });
});
