import { actionSubmit, personalMessage, USERS } from '../helpers/activities';
import { cardActions, cardInputs, cardTexts } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

// Issue 12 part 2: an organisation admin adds and removes admins and process leaders in Teams, audited.
const NOW = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => NOW });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

// The names Teams sends with each person's messages: the bot knows a person by the name of their personal chat.
const TEAMS_NAMES: Record<string, string> = { [USERS.admin]: 'Administratör (demo)', [USERS.stranger]: 'Ny Admin' };
const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url, name: TEAMS_NAMES[user] ?? 'Demo' });
const change = (action: string, extra: Record<string, unknown>) => ({ verb: 'changeAdmins', org: 'goteborgsomradet', action, ...extra });
/** The person opens Samverkansboten (writes to it once), so the bot knows them by name. */
async function opens(user: string, name?: string): Promise<void> {
  await bot.post(personalMessage('hej', { ...opts(user), ...(name === undefined ? {} : { name }) }));
  bot.connector.clear();
}

describe('administratörer', () => {
  it('a member can neither open the card nor change anything', async () => {
    await bot.post(personalMessage('administratörer Göteborgsområdet', opts(USERS.memberRegion)));
    await bot.post(actionSubmit(change('addAdmin', { person: USERS.memberRegion }), opts(USERS.memberRegion)));
    const refusal = 'Bara organisationens administratörer kan ändra administratörer och processledare för Göteborgsområdet. Inget ändrades.';
    expect(bot.connector.texts()).toEqual([refusal, refusal]);
    expect(await bot.running.repos.admins.auditLog('goteborgsomradet', 10)).toEqual([]);
  });

  it('refuses bad card data', async () => {
    await bot.post(actionSubmit(change('addAdmin', { person: 'inte-ett-id' }), opts(USERS.admin)));
    await bot.post(actionSubmit(change('makeKing', { person: USERS.stranger }), opts(USERS.admin)));
    await bot.post(actionSubmit(change('addProcessLeader', { person: USERS.stranger, group: 'Inte En Grupp!' }), opts(USERS.admin)));
    await bot.post(actionSubmit(change('addProcessLeader', { person: USERS.stranger, group: '' }), opts(USERS.admin)));
    const bad = 'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.';
    expect(bot.connector.texts()).toEqual([bad, bad, bad, 'Välj gruppen för processledaren. Inget ändrades.']);
  });

  it('the form offers people by name in a searchable list, says how to get someone in, and asks for no id', async () => {
    await opens(USERS.admin);
    await opens(USERS.stranger);
    await bot.post(personalMessage('administratörer Göteborgsområdet', opts(USERS.admin)));
    await bot.post(personalMessage('administratörer Göteborgsområdet', opts(USERS.admin, 'en-US')));
    const [form, english] = bot.connector.cards();
    const inputs = cardInputs(form);
    expect(Object.keys(inputs)).toEqual(['person', 'group']);
    expect([inputs.person.type, inputs.person.style, inputs.person.label, inputs.person.isRequired]).toEqual([
      'Input.ChoiceSet',
      'filtered',
      'Person (skriv för att söka)',
      true,
    ]);
    expect(inputs.person.choices).toEqual([
      { title: 'Administratör (demo)', value: USERS.admin },
      { title: 'Ledamot kommun (demo)', value: USERS.memberKommun },
      { title: 'Ledamot region (demo)', value: USERS.memberRegion },
      { title: 'Ny Admin', value: USERS.stranger },
      { title: 'Ordförande LGS (demo)', value: USERS.chairLgs },
      { title: 'Processledare LGS (demo)', value: USERS.processLeaderLgs },
      { title: 'Processledare NOSAM Hisingen/Öckerö (demo)', value: USERS.processLeaderNosam },
    ]);
    expect(cardTexts(form)).toContain(
      'Här finns de jag känner: organisationens grupper, teamet där kortet öppnas och alla som har öppnat Samverkansboten. Saknas någon: be personen öppna Samverkansboten i Teams en gång och öppna sedan kortet igen.',
    );
    expect(JSON.stringify(cardTexts(form))).not.toMatch(/AAD|objekt-id/);
    expect(cardInputs(english).person.label).toBe('Person (type to search)');
  });

  it("a person who was not offered is refused with a clear answer, in the user's language, and nothing changes", async () => {
    const NEVER_SEEN = '5d2f1c3e-8a4b-4c6d-9e0f-1a2b3c4d5e6f';
    const auditBefore = await bot.running.repos.admins.auditLog('goteborgsomradet', 10);
    await bot.post(actionSubmit(change('addAdmin', { person: NEVER_SEEN }), opts(USERS.admin)));
    await bot.post(actionSubmit(change('addProcessLeader', { person: NEVER_SEEN, group: 'nosam-hisingen' }), opts(USERS.admin, 'en-US')));
    // An old card's typed name does not make someone known.
    await bot.post(actionSubmit(change('addAdmin', { person: NEVER_SEEN, displayName: 'Påhittad Person' }), opts(USERS.admin)));
    expect(bot.connector.texts()).toEqual([
      'Personen finns inte bland dem jag kan föreslå. Öppna kortet igen (administratörer) och välj i listan. Inget ändrades.',
      'The person is not among those I can offer. Open the card again (admins) and choose from the list. Nothing was changed.',
      'Personen finns inte bland dem jag kan föreslå. Öppna kortet igen (administratörer) och välj i listan. Inget ändrades.',
    ]);
    expect(await bot.running.repos.admins.auditLog('goteborgsomradet', 10)).toEqual(auditBefore);
    expect((await bot.running.repos.admins.admins('goteborgsomradet')).map((a) => a.aadObjectId)).not.toContain(NEVER_SEEN);
    const nosam = (await bot.running.repos.groupState.groups('goteborgsomradet', ['nosam-hisingen'])).get('nosam-hisingen');
    expect(nosam?.members.map((m) => m.aadObjectId)).not.toContain(NEVER_SEEN);
  });

  it('an admin adds an admin and a process leader; they get their rights at once; removal takes them back; every change is audited', async () => {
    await opens(USERS.stranger);
    await bot.post(personalMessage('administratörer Göteborgsområdet', opts(USERS.admin)));
    const form = bot.connector.cards()[0];
    expect(cardTexts(form)[0]).toBe('Administratörer – Göteborgsområdet');
    expect(cardTexts(form)).toContain('NOSAM Hisingen: Processledare NOSAM Hisingen/Öckerö (demo)');
    expect(cardActions(form).map(([t]) => t)).toEqual(['Lägg till administratör', 'Ta bort administratör', 'Lägg till processledare', 'Ta bort processledare']);

    bot.connector.clear();
    // Chosen by name on the card: only the id goes back, the name comes from the people offered.
    await bot.post(actionSubmit(change('addAdmin', { person: USERS.stranger }), opts(USERS.admin)));
    await bot.post(actionSubmit(change('addProcessLeader', { person: USERS.memberRegion, group: 'nosam-hisingen' }), opts(USERS.admin)));
    // The new admin manages admins at once; the new process leader edits the group's årshjul.
    await bot.post(personalMessage('administratörer', opts(USERS.stranger)));
    await bot.post(personalMessage('årshjul NOSAM Hisingen ändra', opts(USERS.memberRegion)));
    expect(bot.connector.texts()).toEqual(['Ny Admin är nu administratör för Göteborgsområdet.', 'Ledamot region (demo) är nu processledare för NOSAM Hisingen.']);
    expect(bot.connector.cards().map((c) => cardTexts(c)[0])).toEqual(['Administratörer – Göteborgsområdet', 'Ändra årshjulet – NOSAM Hisingen']);
    expect(cardTexts(bot.connector.cards()[0]).slice(1, 3)).toEqual(['Administratörer (tillagda i Teams)', 'Ny Admin']);

    bot.connector.clear();
    await bot.post(actionSubmit(change('removeProcessLeader', { person: USERS.memberRegion, group: 'nosam-hisingen' }), opts(USERS.stranger)));
    await bot.post(actionSubmit(change('removeAdmin', { person: USERS.stranger }), opts(USERS.stranger)));
    await bot.post(actionSubmit(change('removeAdmin', { person: USERS.stranger }), opts(USERS.admin)));
    await bot.post(personalMessage('årshjul NOSAM Hisingen ändra', opts(USERS.memberRegion)));
    await bot.post(personalMessage('administratörer Göteborgsområdet', opts(USERS.stranger)));
    expect(bot.connector.texts()).toEqual([
      'Ledamot region (demo) är inte längre processledare för NOSAM Hisingen.',
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
    await opens(USERS.stranger, 'Andra administratören');
    await opens(USERS.admin);
    await bot.post(actionSubmit(change('addAdmin', { person: USERS.stranger }), opts(USERS.admin)));
    await bot.post(actionSubmit(change('removeAdmin', { person: USERS.admin }), opts(USERS.stranger)));
    expect(bot.connector.texts()).toEqual([
      'Andra administratören är nu administratör för Göteborgsområdet.',
      'Administratör (demo) är inte längre administratör för Göteborgsområdet.',
    ]);
    // A restart loads orgs/demo/demo.yaml again, which lists the removed person as admin of both organisations.
    const again = await startTestBot({ TABLE_PREFIX: bot.config.tablePrefix }, { now: () => NOW });
    try {
      const here = { user: USERS.admin, locale: 'sv-SE', serviceUrl: again.connector.url, name: 'Administratör (demo)' };
      await again.post(personalMessage('administratörer Göteborgsområdet', here));
      await again.post(personalMessage('administratörer SAMLA', here));
      expect(again.connector.texts()).toEqual(['Bara organisationens administratörer kan ändra administratörer och processledare för Göteborgsområdet. Inget ändrades.']);
      expect(again.connector.cards().map((c) => cardTexts(c)[0])).toEqual(['Administratörer – SAMLA']);

      await again.post(actionSubmit(change('addAdmin', { person: USERS.admin }), { ...here, user: USERS.stranger, name: 'Andra administratören' }));
      expect(await again.running.repos.admins.removedAdmins('goteborgsomradet')).toEqual(new Set());
    } finally {
      await again.stop(true);
    }
  });
});
