import { actionSubmit, personalMessage, USERS } from '../helpers/activities';
import { cardActions, cardInputs, cardTexts } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

// Issue 12 part 3: the årshjul is edited in Teams; reminders, the card and the .ics follow at once.
const NOW = new Date('2026-11-22T10:00:00Z');
const clock = { now: () => NOW };
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ PUBLIC_BASE_URL: 'https://samverkansboten.example.se' }, clock);
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
const ids = { org: 'goteborgsomradet', group: 'nosam-hisingen' };
const edit = (action: string, extra: Record<string, unknown> = {}) => ({ verb: 'editCycle', action, ...ids, ...extra });

async function cycleLines(b: TestBot): Promise<string[]> {
  b.connector.clear();
  await b.post(personalMessage('årshjul NOSAM Hisingen', { user: USERS.processLeaderNosam, locale: 'sv-SE', serviceUrl: b.connector.url }));
  return cardTexts(b.connector.cards()[0]);
}

async function icsOf(b: TestBot, lines: Record<string, unknown>): Promise<string> {
  const url = (lines.actions as { url: string }[])[0].url.replace('https://samverkansboten.example.se', b.url);
  return (await (await fetch(url)).text()).replace(/\r\n /g, '');
}

describe('årshjul <grupp> ändra', () => {
  it('a member cannot open or submit the edit card, and nothing changes', async () => {
    // A plain member of LGS (demo data: no chair term there, no process leader role).
    await bot.post(personalMessage('årshjul LGS ändra', opts(USERS.memberRegion)));
    await bot.post(actionSubmit(edit('move', { group: 'lgs', target: 'halvarsrapport|2026-12-15', date: '2026-11-28' }), opts(USERS.memberRegion)));
    const refusal = 'Bara gruppens processledare, ordförande och administratörer kan ändra årshjulet för LGS. Inget ändrades.';
    expect(bot.connector.texts()).toEqual([refusal, refusal]);
    expect(await bot.running.repos.cycleEdits.cycleEdits('goteborgsomradet')).toEqual([]);
  });

  it("refuses bad or unbounded card data, and a date that is not the group's", async () => {
    await bot.post(actionSubmit(edit('move', { target: 'halvarsrapport|2026-12-15', date: '2026-13-40' }), opts(USERS.processLeaderNosam)));
    await bot.post(actionSubmit(edit('add', { date: '2027-02-10', title: 'x'.repeat(201) }), opts(USERS.processLeaderNosam)));
    await bot.post(actionSubmit(edit('explode'), opts(USERS.processLeaderNosam)));
    await bot.post(actionSubmit(edit('confirm', { target: 'halvarsrapport|2026-12-16' }), opts(USERS.processLeaderNosam)));
    await bot.post(actionSubmit(edit('move', { target: 'halvarsrapport|2026-12-15', orgWide: 'true', date: '2026-12-01' }), opts(USERS.processLeaderNosam)));
    const bad = 'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.';
    expect(bot.connector.texts()).toEqual([
      bad,
      bad,
      bad,
      'Välj ett av gruppens datum i listan. Inget ändrades.',
      'Bara administratörer kan ändra årshjulet för hela organisationen. Ändra för NOSAM Hisingen i stället. Inget ändrades.',
    ]);
    expect(await bot.running.repos.cycleEdits.cycleEdits('goteborgsomradet')).toEqual([]);
  });

  it('the process leader confirms and moves dates; card, .ics and the next sweep follow; a restart keeps it', async () => {
    await bot.post(personalMessage('årshjul NOSAM Hisingen ändra', opts(USERS.processLeaderNosam)));
    const form = bot.connector.cards()[0];
    expect(cardTexts(form)[0]).toBe('Ändra årshjulet – NOSAM Hisingen');
    expect(cardActions(form).map(([t]) => t)).toEqual(['Fastställ', 'Flytta', 'Ta bort i år', 'Lägg till punkt']);
    const choices = (cardInputs(form).target.choices as { title: string; value: string }[]).slice(0, 2);
    expect(choices).toEqual([
      { title: 'tis 15 dec. 2026: Halvårsvis informationsbrev/rapport (förslag)', value: 'halvarsrapport|2026-12-15' },
      // Dates that follow meetings or terms are not offered: they have no date of their own to change.
      { title: 'mån 1 feb. 2027: Årsrapport till LGS (förslag)', value: 'arsrapport-till-lgs|2027-01-31' },
    ]);
    // No orgWide toggle for a process leader.
    expect(cardInputs(form).orgWide).toBeUndefined();

    bot.connector.clear();
    // 2026-11-28 is a Saturday: the moved date still moves to the next weekday, and the answer says why.
    await bot.post(actionSubmit(edit('move', { target: 'halvarsrapport|2026-12-15', date: '2026-11-28' }), opts(USERS.processLeaderNosam)));
    await bot.post(actionSubmit(edit('confirm', { target: 'nosam-handlingsplan|2027-03-01' }), opts(USERS.processLeaderNosam)));
    expect(bot.connector.texts()).toEqual([
      'Flyttat: Halvårsvis informationsbrev/rapport från tis 15 dec. 2026 till mån 30 nov. 2026 för NOSAM Hisingen (fastställt). Påminnelser, årshjulet och kalendern följer det nya datumet. 28 nov. 2026 är lördag, så sista dag blir mån 30 nov. 2026.',
      'Fastställt: NOSAM handlingsplan mån 1 mars 2027 för NOSAM Hisingen.',
    ]);

    const lines = await cycleLines(bot);
    expect(lines).toContain('mån 30 nov. 2026: Halvårsvis informationsbrev/rapport (ändrat från tis 15 dec. 2026; flyttad från 28 nov. 2026, lördag)');
    expect(lines).toContain('mån 1 mars 2027: NOSAM handlingsplan');
    // A date nobody decided is still labelled a proposal.
    expect(lines).toContain('mån 1 feb. 2027: Årsrapport till LGS (förslag – inte fastställt; flyttad från 31 jan. 2027, söndag)');
    const ics = await icsOf(bot, bot.connector.cards()[0]);
    expect(ics).toContain('SUMMARY:NOSAM handlingsplan – NOSAM Hisingen\r\n');
    expect(ics).toContain('SUMMARY:Halvårsvis informationsbrev/rapport – NOSAM Hisingen\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261130');
    expect(ics).not.toContain('DTSTART;VALUE=DATE:20261215');
    expect(ics).toContain('SUMMARY:Årsrapport till LGS – NOSAM Hisingen (förslag – inte fastställt)');

    // The next sweep reminds on the new date (8 days left: the 14-day reminder is due), as a decided deadline.
    bot.connector.clear();
    await bot.running.scheduler.runOnce();
    const reminder = bot.connector.cards().find((c) => cardTexts(c)[0] === 'Påminnelse: Halvårsvis informationsbrev/rapport');
    expect(cardTexts(reminder!).slice(1, 4)).toEqual(['Grupp: NOSAM Hisingen', 'Sista dag: mån 30 nov. 2026', 'Dagar kvar: 8']);
    expect(cardTexts(reminder!).join(' ')).not.toContain('förslag');

    const log = await bot.running.repos.cycleEdits.cycleEdits('goteborgsomradet');
    expect(log.map((e) => [e.kind, e.group, e.by, e.at])).toEqual([
      ['move', 'nosam-hisingen', USERS.processLeaderNosam, NOW.toISOString()],
      ['confirm', 'nosam-hisingen', USERS.processLeaderNosam, NOW.toISOString()],
    ]);

    // A restart (a new bot on the same storage, the shipped files loaded again) keeps the edits.
    const again = await startTestBot({ PUBLIC_BASE_URL: 'https://samverkansboten.example.se', TABLE_PREFIX: bot.config.tablePrefix }, clock);
    try {
      expect(again.running.load.changes).toBe(0);
      const after = await cycleLines(again);
      expect(after).toContain('mån 30 nov. 2026: Halvårsvis informationsbrev/rapport (ändrat från tis 15 dec. 2026; flyttad från 28 nov. 2026, lördag)');
      expect(after).toContain('mån 1 mars 2027: NOSAM handlingsplan');
    } finally {
      await again.stop(true);
    }
  });

  it('an admin adds a one-off item for the whole organisation and removes a date for this year', async () => {
    await bot.post(personalMessage('årshjul NOSAM Sydväst ändra', opts(USERS.admin)));
    expect(cardInputs(bot.connector.cards()[0]).orgWide).toBeDefined();
    bot.connector.clear();
    await bot.post(
      actionSubmit(
        edit('add', { group: 'nosam-sydvast', date: '2027-01-15', title: 'Remissvar <b>vårdval</b>', audience: 'processLeader,chair', remind: '7,1', orgWide: 'true' }),
        opts(USERS.admin),
      ),
    );
    await bot.post(actionSubmit(edit('remove', { group: 'nosam-sydvast', target: 'nosam-handlingsplan|2027-03-01' }), opts(USERS.admin)));
    expect(bot.connector.texts()).toEqual([
      'Tillagt i årshjulet: Remissvar \\<b\\>vårdval\\</b\\> fre 15 jan. 2027 för NOSAM Sydväst.',
      'Borttaget för i år: NOSAM handlingsplan mån 1 mars 2027 för NOSAM Sydväst.',
    ]);
    bot.connector.clear();
    await bot.post(personalMessage('årshjul NOSAM Sydväst', opts(USERS.admin)));
    const lines = cardTexts(bot.connector.cards()[0]);
    expect(lines).toContain('fre 15 jan. 2027: Remissvar \\<b\\>vårdval\\</b\\>');
    expect(lines.some((l) => l.startsWith('mån 1 mars 2027'))).toBe(false);
  });
});
