import { actionSubmit, channelMessage, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

/**
 * What people type into the appointment and add-member forms: every field bounded by the
 * server, a refused value named back to the user, and a hostile display name shown literally
 * in the member list and in a channel reminder's @mention.
 */

// 2027-02-20: NOSAM's action plan (due 2027-03-01, for chair, process leader and members) is due for reminders.
const NOW = new Date('2027-02-20T10:00:00Z');
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => NOW });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
const HOSTILE = '**Bold** <at>x</at> [länk](javascript:alert(1))';
const NEW_MEMBER = '0f8fad5b-d9cb-469f-a165-70867728950e';
const lastCard = () => bot.connector.cards().at(-1)!;
const terms = async (group: string) => (await bot.running.repos.groupState.groups('goteborgsomradet', [group])).get(group)?.terms ?? [];
const roster = async (group: string) => (await bot.running.repos.groupState.groups('goteborgsomradet', [group])).get(group)?.members ?? [];

describe('a hostile display name', () => {
  it('shows literally in the member list and in a channel-fallback reminder mention', async () => {
    // The name comes from the linked team's roster (nobody types it), chosen on the add-member form.
    bot.connector.roster = [{ id: '29:hostile', aadObjectId: NEW_MEMBER, name: HOSTILE }];
    await bot.post(channelMessage('koppla NOSAM Öckerö', { ...opts(USERS.processLeaderNosam), channelId: '19:ockero-text@thread.tacv2' }));
    bot.connector.clear();
    const add = { verb: 'addMember', org: 'goteborgsomradet', group: 'nosam-ockero', person: NEW_MEMBER, party: 'ockero', role: 'member' };
    await bot.post(actionSubmit(add, opts(USERS.processLeaderNosam)));
    expect(bot.connector.texts()).toEqual(['\\*\\*Bold\\*\\* \\<at\\>x\\</at\\> \\[länk\\](javascript:alert(1)) är nu med i NOSAM Öckerö.']);

    bot.connector.clear();
    await bot.post(personalMessage('ledamöter NOSAM Öckerö', opts(USERS.processLeaderNosam)));
    expect(cardTexts(lastCard())).toEqual([
      'Ledamöter – NOSAM Öckerö',
      '**\\*\\*Bold\\*\\* \\<at\\>x\\</at\\> \\[länk\\](javascript:alert(1))** – Ledamot · Öckerö kommun',
      '**Processledare NOSAM Hisingen/Öckerö (demo)** – Processledare',
    ]);

    // The new member has no personal chat with the bot: the reminder goes to the linked channel with an @mention.
    bot.connector.clear();
    await bot.running.scheduler.runOnce();
    const inChannel = bot.connector.sent.filter((s) => s.conversationId.startsWith('19:ockero-text@thread.tacv2'));
    expect(inChannel.map((s) => [s.activity.text, s.activity.entities])).toEqual([
      [
        '<at>**Bold** atx/at [länk](javascript:alert(1))</at>',
        [
          {
            type: 'mention',
            text: '<at>**Bold** atx/at [länk](javascript:alert(1))</at>',
            mentioned: { id: NEW_MEMBER, name: '**Bold** atx/at [länk](javascript:alert(1))' },
          },
        ],
      ],
    ]);
    expect(cardTexts(inChannel[0].activity.attachments![0].content)[0]).toBe('Påminnelse: NOSAM handlingsplan');
  });
});

describe('the appointment form', () => {
  const appoint = {
    verb: 'appoint',
    org: 'goteborgsomradet',
    group: 'tema-aldre',
    version: '',
    role: 'chair',
    holder: USERS.memberRegion,
    origin: 'rotation',
    start: '2027-07-01',
    end: '2028-12-31',
    exceptionReason: '',
  };

  it.each([
    [
      'a reason over 500 characters',
      { exceptionReason: 'x'.repeat(501) },
      'Formuläret sparades inte: skälet till undantag får vara högst 500 tecken. Inget ändrades – rätta och skicka igen.',
    ],
    [
      'a first day that is not a calendar date',
      { start: '2027-02-30' },
      'Formuläret sparades inte: första dag ska vara ett datum mellan 2000 och 2100. Inget ändrades – rätta och skicka igen.',
    ],
    [
      'dates outside 2000–2100',
      { start: '1999-12-31', end: '2101-01-01' },
      'Formuläret sparades inte: första dag ska vara ett datum mellan 2000 och 2100; sista dag ska vara ett datum mellan 2000 och 2100. Inget ändrades – rätta och skicka igen.',
    ],
    ['a holder that is not an AAD object id', { holder: 'Ledamot region' }, 'Formuläret sparades inte: välj personen i listan. Inget ändrades – rätta och skicka igen.'],
    [
      'a role the form does not offer',
      { role: 'king' },
      'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.',
    ],
  ])('refuses %s, names it and stores nothing', async (_name, change, answer) => {
    const before = await terms('tema-aldre');
    await bot.post(actionSubmit({ ...appoint, ...change }, opts(USERS.admin)));
    expect(bot.connector.texts()).toEqual([answer]);
    expect(await terms('tema-aldre')).toEqual(before);
  });

  it('names the refused field in English for an English locale', async () => {
    await bot.post(actionSubmit({ ...appoint, exceptionReason: 'x'.repeat(501) }, opts(USERS.admin, 'en-US')));
    expect(bot.connector.texts()).toEqual([
      'The form was not saved: the reason for an exception can be at most 500 characters. Nothing was changed – correct it and send it again.',
    ]);
  });
});

describe('the add-member form', () => {
  const PERSON = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
  const add = { verb: 'addMember', org: 'goteborgsomradet', group: 'nosam-hisingen', person: PERSON, party: 'goteborg-avo', role: 'member' };

  it.each([
    [
      'a person the form does not offer',
      { person: '0f8fad5b-d9cb-469f-a165-70867728950f' },
      'Personen finns inte bland dem jag kan föreslå. Öppna formuläret igen och välj i listan. Inget ändrades.',
    ],
    [
      'a person id that is not a GUID (a tampered card: the person is chosen, never typed)',
      { person: '7c9e6679-7425-40de-944b' },
      'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.',
    ],
    [
      'a party id that is not a slug',
      { party: 'Göteborg <b>' },
      'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.',
    ],
  ])('refuses %s, names it and adds nobody', async (_name, change, answer) => {
    const before = await roster('nosam-hisingen');
    await bot.post(actionSubmit({ ...add, ...change }, opts(USERS.processLeaderNosam)));
    expect(bot.connector.texts()).toEqual([answer]);
    expect(await roster('nosam-hisingen')).toEqual(before);
  });

  it('adds a person who has opened the bot, by the name Teams sent (on one line), never a typed one', async () => {
    await bot.post(personalMessage('hej', { ...opts(PERSON), name: '  Ny\nledamot  ' }));
    bot.connector.clear();
    await bot.post(actionSubmit({ ...add, displayName: 'Påhittat namn' }, opts(USERS.processLeaderNosam)));
    expect(bot.connector.texts()).toEqual(['Ny ledamot är nu med i NOSAM Hisingen.']);
    expect((await roster('nosam-hisingen')).find((m) => m.aadObjectId === PERSON)?.displayName).toBe('Ny ledamot');
  });
});
