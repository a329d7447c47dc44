import { actionSubmit, personalMessage, USERS } from '../helpers/activities';
import { cardActions, cardTexts } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

// Issue 12 part 2: an organisation admin adds and removes admins and process leaders in Teams, audited.
const NOW = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => NOW });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
const change = (action: string, extra: Record<string, unknown>) => ({ verb: 'changeAdmins', org: 'goteborgsomradet', action, ...extra });

describe('administratörer', () => {
  it('a member can neither open the card nor change anything', async () => {
    await bot.post(personalMessage('administratörer Göteborgsområdet', opts(USERS.memberRegion)));
    await bot.post(actionSubmit(change('addAdmin', { person: USERS.memberRegion, displayName: 'Jag själv' }), opts(USERS.memberRegion)));
    const refusal = 'Bara organisationens administratörer kan ändra administratörer och processledare för Göteborgsområdet. Inget ändrades.';
    expect(bot.connector.texts()).toEqual([refusal, refusal]);
    expect(await bot.running.repos.admins.auditLog('goteborgsomradet', 10)).toEqual([]);
  });

  it('refuses bad card data', async () => {
    await bot.post(actionSubmit(change('addAdmin', { person: 'inte-ett-id', displayName: 'X' }), opts(USERS.admin)));
    await bot.post(actionSubmit(change('makeKing', { person: USERS.stranger }), opts(USERS.admin)));
    await bot.post(actionSubmit(change('addAdmin', { person: USERS.stranger, displayName: 'x'.repeat(101) }), opts(USERS.admin)));
    await bot.post(actionSubmit(change('addProcessLeader', { person: USERS.stranger, displayName: 'Ny', group: '' }), opts(USERS.admin)));
    const bad = 'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.';
    expect(bot.connector.texts()).toEqual([bad, bad, bad, 'Välj gruppen för processledaren. Inget ändrades.']);
  });

  it('an admin adds an admin and a process leader; they get their rights at once; removal takes them back; every change is audited', async () => {
    await bot.post(personalMessage('administratörer Göteborgsområdet', opts(USERS.admin)));
    const form = bot.connector.cards()[0];
    expect(cardTexts(form)[0]).toBe('Administratörer – Göteborgsområdet');
    expect(cardTexts(form)).toContain('NOSAM Hisingen: Processledare NOSAM Hisingen/Öckerö (demo)');
    expect(cardActions(form).map(([t]) => t)).toEqual(['Lägg till administratör', 'Ta bort administratör', 'Lägg till processledare', 'Ta bort processledare']);

    bot.connector.clear();
    await bot.post(actionSubmit(change('addAdmin', { person: USERS.stranger, displayName: 'Ny Admin' }), opts(USERS.admin)));
    await bot.post(actionSubmit(change('addProcessLeader', { person: USERS.memberRegion, displayName: 'Ledamot region', group: 'nosam-hisingen' }), opts(USERS.admin)));
    // The new admin manages admins at once; the new process leader edits the group's årshjul.
    await bot.post(personalMessage('administratörer', opts(USERS.stranger)));
    await bot.post(personalMessage('årshjul NOSAM Hisingen ändra', opts(USERS.memberRegion)));
    expect(bot.connector.texts()).toEqual(['Ny Admin är nu administratör för Göteborgsområdet.', 'Ledamot region är nu processledare för NOSAM Hisingen.']);
    expect(bot.connector.cards().map((c) => cardTexts(c)[0])).toEqual(['Administratörer – Göteborgsområdet', 'Ändra årshjulet – NOSAM Hisingen']);
    expect(cardTexts(bot.connector.cards()[0]).slice(1, 3)).toEqual(['Administratörer (tillagda i Teams)', 'Ny Admin']);

    bot.connector.clear();
    await bot.post(actionSubmit(change('removeProcessLeader', { person: USERS.memberRegion, group: 'nosam-hisingen' }), opts(USERS.stranger)));
    await bot.post(actionSubmit(change('removeAdmin', { person: USERS.stranger }), opts(USERS.stranger)));
    await bot.post(actionSubmit(change('removeAdmin', { person: USERS.stranger }), opts(USERS.admin)));
    await bot.post(personalMessage('årshjul NOSAM Hisingen ändra', opts(USERS.memberRegion)));
    await bot.post(personalMessage('administratörer Göteborgsområdet', opts(USERS.stranger)));
    expect(bot.connector.texts()).toEqual([
      'Ledamot region är inte längre processledare för NOSAM Hisingen.',
      'Du kan inte ta bort dig själv som administratör; be en annan administratör. Inget ändrades.',
      'Ny Admin är inte längre administratör för Göteborgsområdet.',
      'Bara gruppens processledare, ordförande och administratörer kan ändra årshjulet för NOSAM Hisingen. Inget ändrades.',
      'Bara organisationens administratörer kan ändra administratörer och processledare för Göteborgsområdet. Inget ändrades.',
    ]);
    const log = await bot.running.repos.admins.auditLog('goteborgsomradet', 10);
    // The clock is frozen, so the rows share one instant: compare them in a fixed order.
    expect(log.map((c) => [c.action, c.person, c.group, c.by, c.at]).sort()).toEqual([
      ['addAdmin', USERS.stranger, null, USERS.admin, NOW.toISOString()],
      ['addProcessLeader', USERS.memberRegion, 'nosam-hisingen', USERS.admin, NOW.toISOString()],
      ['removeAdmin', USERS.stranger, null, USERS.admin, NOW.toISOString()],
      ['removeProcessLeader', USERS.memberRegion, 'nosam-hisingen', USERS.stranger, NOW.toISOString()],
    ]);
  });
});

describe('the shipped admins after a change in Teams', () => {
  it('an admin from the demo file who was removed in Teams stays removed after a restart, in that organisation only; added again, the mark is gone', async () => {
    await bot.post(actionSubmit(change('addAdmin', { person: USERS.stranger, displayName: 'Andra administratören' }), opts(USERS.admin)));
    await bot.post(actionSubmit(change('removeAdmin', { person: USERS.admin, displayName: 'Administratör (demo)' }), opts(USERS.stranger)));
    expect(bot.connector.texts()).toEqual([
      'Andra administratören är nu administratör för Göteborgsområdet.',
      'Administratör (demo) är inte längre administratör för Göteborgsområdet.',
    ]);
    // A restart loads orgs/demo/demo.yaml again, which lists the removed person as admin of both organisations.
    const again = await startTestBot({ TABLE_PREFIX: bot.config.tablePrefix }, { now: () => NOW });
    try {
      const here = { user: USERS.admin, locale: 'sv-SE', serviceUrl: again.connector.url };
      await again.post(personalMessage('administratörer Göteborgsområdet', here));
      await again.post(personalMessage('administratörer SAMLA', here));
      expect(again.connector.texts()).toEqual(['Bara organisationens administratörer kan ändra administratörer och processledare för Göteborgsområdet. Inget ändrades.']);
      expect(again.connector.cards().map((c) => cardTexts(c)[0])).toEqual(['Administratörer – SAMLA']);

      await again.post(actionSubmit(change('addAdmin', { person: USERS.admin, displayName: 'Administratör (demo)' }), { ...here, user: USERS.stranger }));
      expect(await again.running.repos.admins.removedAdmins('goteborgsomradet')).toEqual(new Set());
    } finally {
      await again.stop(true);
    }
  });
});
