import { actionSubmit, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardInputs, cardTexts } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

/**
 * Adding a person to a group without a linked team: nobody types an AAD id. The form offers the
 * people the bot knows by name (the organisation's rosters and everyone who has opened the bot),
 * searchable, and says how to get someone in who is missing.
 */
let bot: TestBot;
const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
const NEW_PERSON = '5d2f1c3e-8a4b-4c6d-9e0f-1a2b3c4d5e6f';
const roster = async () => (await bot.running.repos.groupState.groups('goteborgsomradet', ['lgs'])).get('lgs')?.members ?? [];

beforeEach(async () => {
  bot = await startTestBot({});
  // The new person opened Samverkansboten once and wrote to it; a later install event carries no name and keeps it.
  await bot.post(personalMessage('hej', { ...opts(NEW_PERSON), name: 'Nya Nilsson' }));
  await bot.post(personalInstall(opts(NEW_PERSON)));
  bot.connector.clear();
});
afterEach(async () => bot.stop());

async function form(locale = 'sv-SE'): Promise<Record<string, unknown>> {
  bot.connector.clear();
  await bot.post(personalMessage('lägg till LGS', opts(USERS.processLeaderLgs, locale)));
  return bot.connector.cards()[0];
}

describe('lägg till <grupp> without a linked team', () => {
  it('offers people by name in a searchable list, with how to get someone in, and asks for no id', async () => {
    const card = await form();
    const inputs = cardInputs(card);
    expect(Object.keys(inputs)).toEqual(['person', 'party', 'role']);
    expect([inputs.person.type, inputs.person.style, inputs.person.label]).toEqual(['Input.ChoiceSet', 'filtered', 'Person (skriv för att söka)']);
    expect(inputs.person.choices).toEqual([
      { title: 'Ledamot kommun (demo)', value: USERS.memberKommun },
      { title: 'Ledamot region (demo)', value: USERS.memberRegion },
      { title: 'Nya Nilsson', value: NEW_PERSON },
      { title: 'Ordförande LGS (demo)', value: USERS.chairLgs },
      { title: 'Processledare LGS (demo)', value: USERS.processLeaderLgs },
      { title: 'Processledare NOSAM Hisingen/Öckerö (demo)', value: USERS.processLeaderNosam },
    ]);
    expect(cardTexts(card)).toContain(
      'Här finns de jag känner: organisationens grupper, det kopplade teamet och alla som har öppnat Samverkansboten. Saknas någon: be personen öppna Samverkansboten i Teams en gång, eller lägg till boten i gruppens team och koppla kanalen (koppla \\<grupp\\>).',
    );
    expect(JSON.stringify(cardTexts(card))).not.toMatch(/AAD|GUID/);
    expect(cardInputs(await form('en-US')).person.label).toBe('Person (type to search)');
  });

  it('adds the chosen person by their name; someone not offered is refused and nothing changes', async () => {
    const submit = { verb: 'addMember', org: 'goteborgsomradet', group: 'lgs', person: NEW_PERSON, party: 'su', role: 'member' };
    await bot.post(actionSubmit({ ...submit, person: USERS.stranger }, opts(USERS.processLeaderLgs)));
    await bot.post(actionSubmit({ ...submit, person: USERS.stranger }, opts(USERS.processLeaderLgs, 'en-US')));
    expect((await roster()).map((m) => m.aadObjectId)).not.toContain(USERS.stranger);
    await bot.post(actionSubmit(submit, opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual([
      'Personen finns inte bland dem jag kan föreslå. Öppna formuläret igen och välj i listan. Inget ändrades.',
      'The person is not among those I can offer. Open the form again and choose from the list. Nothing was changed.',
      'Nya Nilsson är nu med i LGS.',
    ]);
    expect((await roster()).find((m) => m.aadObjectId === NEW_PERSON)).toEqual({ aadObjectId: NEW_PERSON, displayName: 'Nya Nilsson', party: 'su', roles: ['member'] });
  });
});
