import { actionSubmit, channelMessage, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

/** Meetings named by their group and a date, as people type them: `avsluta LGS 8 dec`. */
let now = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;
const CHANNEL = '19:lgs-by-name@thread.tacv2';
const opts = (user: string) => ({ user, locale: 'sv-SE', serviceUrl: bot.connector.url });
const inChannel = (user: string) => ({ ...opts(user), channelId: CHANNEL });
const lead = () => opts(USERS.processLeaderLgs);
const buttons = (c: Record<string, unknown>) => ((c.actions ?? []) as { title: string; data: { command: string } }[]).map((a) => [a.title, a.data.command]);
let first = '';
let second = '';

async function createMeeting(time: string, title: string, startsAt: string): Promise<string> {
  await bot.post(personalMessage('möte LGS', lead()));
  const formKey = (bot.connector.cards()[0].actions as { data: { formKey: string } }[])[0].data.formKey;
  await bot.post(
    actionSubmit(
      {
        verb: 'saveMeeting',
        org: 'goteborgsomradet',
        group: 'lgs',
        meetingId: '',
        version: '',
        formKey,
        date: '2026-12-08',
        time,
        place: 'Teams-möte',
        cutoffHours: '24',
        title_0: title,
        kind_0: 'information',
        presenter_0: 'Processledare',
        minutes_0: '20',
      },
      lead(),
    ),
  );
  const record = (await bot.running.repos.groupState.groups('goteborgsomradet', ['lgs'])).get('lgs')!;
  return `goteborgsomradet/lgs/${record.meetings.find((m) => Date.parse(m.startsAt) === Date.parse(startsAt))!.id}`;
}

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => now });
  for (const user of [USERS.processLeaderLgs, USERS.memberKommun, USERS.memberRegion]) await bot.post(personalInstall(opts(user)));
  await bot.post(channelMessage('koppla LGS', inChannel(USERS.processLeaderLgs)));
  first = await createMeeting('13:00', 'Årsrapport', '2026-12-08T12:00:00Z');
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

describe('meetings by name, not by id', () => {
  it('finds the next meeting from the group name alone: the same brief as by id', async () => {
    await bot.post(personalMessage('sammanställning LGS', lead()));
    const byName = bot.connector.cards().map(cardTexts);
    bot.connector.clear();
    await bot.post(personalMessage(`sammanställning ${first}`, lead()));
    expect(byName[0][0]).toBe('Sammanställning inför mötet – LGS');
    expect(byName).toEqual(bot.connector.cards().map(cardTexts));
  });

  it('reads the date as people write it, and says when the group has no meeting that day', async () => {
    await bot.post(personalMessage('avsluta LGS 8 dec', lead()));
    await bot.post(personalMessage('avsluta lgs 9 december', lead()));
    expect(bot.connector.texts()).toEqual([
      'Mötet har inte börjat ännu, så det kan inte avslutas.',
      'LGS har inget möte 9 december 2026. Skriv **möten LGS** för att se gruppens möten.',
    ]);
  });

  it('says the meeting has not started when it is closed, minuted or decided before it starts, not that there is no meeting', async () => {
    await bot.post(personalMessage('avsluta LGS', lead()));
    await bot.post(personalMessage('minnesanteckningar LGS', lead()));
    await bot.post(personalMessage('registrera LGS', lead()));
    expect(bot.connector.texts()).toEqual([
      'Mötet har inte börjat ännu, så det kan inte avslutas.',
      'Mötet har inte börjat ännu, så det finns inga minnesanteckningar att skriva. De kan skrivas när mötet har börjat.',
      'Mötet har inte börjat ännu, så inga beslut kan registreras för det. Mellan möten beslutar ordföranden: skriv **ordförandebeslut LGS**. Inget sparades.',
    ]);
    expect(bot.connector.cards()).toEqual([]);
  });

  it('uses the linked group in its channel when no group is named', async () => {
    await bot.post(channelMessage('synpunkter', inChannel(USERS.memberKommun)));
    expect(bot.connector.texts()).toEqual(['Jag har skickat det till dig i en personlig chatt.']);
    expect(cardTexts(bot.connector.cards()[0])[0]).toBe('Synpunkter i förväg – LGS');
  });

  it('asks which group, with a button per group, when the person is in several and none is named', async () => {
    await bot.post(personalMessage('synpunkter', opts(USERS.memberKommun)));
    const [choice] = bot.connector.cards();
    expect(cardTexts(choice)).toEqual(['Vilken grupp gäller det?', 'Välj en grupp, eller skriv till exempel **synpunkter LGS**.']);
    expect(buttons(choice)).toEqual([
      ['LGS (Göteborgsområdet)', 'synpunkter goteborgsomradet/lgs'],
      ['NOSAM Hisingen (Göteborgsområdet)', 'synpunkter goteborgsomradet/nosam-hisingen'],
    ]);
    bot.connector.clear();
    await bot.post(actionSubmit({ verb: 'command', command: 'synpunkter goteborgsomradet/lgs' }, opts(USERS.memberKommun)));
    expect(cardTexts(bot.connector.cards()[0])[0]).toBe('Synpunkter i förväg – LGS');
  });

  it('asks which meeting when the group meets twice that day', async () => {
    second = await createMeeting('15:00', 'Uppföljning', '2026-12-08T14:00:00Z');
    bot.connector.clear();
    await bot.post(personalMessage('sammanställning LGS 8/12', lead()));
    const [choice] = bot.connector.cards();
    expect(cardTexts(choice)).toEqual(['Vilket möte i LGS?']);
    expect(buttons(choice)).toEqual([
      ['tis 8 dec. 2026 13:00 – LGS', `sammanställning ${first}`],
      ['tis 8 dec. 2026 15:00 – LGS', `sammanställning ${second}`],
    ]);
  });

  it('takes the latest started meeting for closing and minutes, and keeps the address when publishing', async () => {
    now = new Date('2026-12-08T15:30:00Z');
    await bot.post(personalMessage('avsluta LGS', lead()));
    expect(cardTexts(bot.connector.cards()[0])[0]).toBe('Avsluta möte – LGS');
    expect(JSON.stringify(bot.connector.cards()[0])).toContain(second.split('/')[2]);
    bot.connector.clear();
    await bot.post(personalMessage('publicera LGS https://example.se/protokoll.pdf', lead()));
    const byName = bot.connector.texts();
    bot.connector.clear();
    await bot.post(personalMessage(`publicera ${second} https://example.se/protokoll.pdf`, lead()));
    expect(byName).toEqual(bot.connector.texts());
    expect(byName).toHaveLength(1);
  });

  it('takes the group of the place for group commands typed without one, and asks when the person has several', async () => {
    await bot.post(channelMessage('möte', inChannel(USERS.processLeaderLgs)));
    expect(cardTexts(bot.connector.cards()[0])[0]).toBe('Nytt möte – LGS');
    bot.connector.clear();
    await bot.post(personalMessage('ledamöter', opts(USERS.memberKommun)));
    const [choice] = bot.connector.cards();
    expect(cardTexts(choice)).toEqual(['Vilken grupp gäller det?', 'Välj en grupp, eller skriv till exempel **ledamöter LGS**.']);
    expect(buttons(choice)).toEqual([
      ['LGS (Göteborgsområdet)', 'ledamöter goteborgsomradet/lgs'],
      ['NOSAM Hisingen (Göteborgsområdet)', 'ledamöter goteborgsomradet/nosam-hisingen'],
    ]);
    expect(bot.connector.texts()).toEqual([]);
  });

  it('answers a group it does not know with the group name, as before', async () => {
    await bot.post(personalMessage('minnesanteckningar okänd grupp', lead()));
    expect(bot.connector.texts()).toEqual(['Jag hittar ingen grupp som heter "okänd grupp". Skriv **grupper** för att se gruppernas namn.']);
  });
});
