import { actionExecute, actionSubmit, channelMessage, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardActions, cardInputs, cardTexts } from '../helpers/cards';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

// Issue 12, "kalla ersättare": where a group has deputies, förhinder offers to call the member's named deputy beside written input.
const NOW = new Date('2026-11-22T10:00:00Z');
const DEPUTY = { id: '29:deputy', aadObjectId: USERS.stranger, name: 'Ersättare Sahlgrenska (test)' };
const LGS_AT = 'LGS tis 8 dec. 2026 13:00';
let bot: TestBot;
let lgsMeeting = '';
let nosamMeeting = '';
const opts = (user: string) => ({ user, locale: 'sv-SE', serviceUrl: bot.connector.url });
const absent = (user: string, group: string, meetingId: string) => bot.post(actionExecute('absent', { org: 'goteborgsomradet', group, meetingId }, opts(user)));
const callDeputy = () => bot.post(actionSubmit({ verb: 'callDeputy', org: 'goteborgsomradet', group: 'lgs', meetingId: lgsMeeting }, opts(USERS.memberRegion)));
const setDeputy = (user: string, member: string, deputy: string) =>
  bot.post(actionSubmit({ verb: 'setDeputy', org: 'goteborgsomradet', group: 'lgs', member, deputy }, opts(user)));
/** What was sent to one person's personal chat: texts, and the cards' texts. */
const to = (user: string) => bot.connector.sent.filter((s) => s.conversationId === `a:personal-${user}`);
const textsTo = (user: string) => to(user).flatMap((s) => (s.activity.text ? [s.activity.text] : []));
const cardsTo = (user: string) => to(user).flatMap((s) => (s.activity.attachments ?? []).map((a) => a.content));
const named = async () => (await bot.running.repos.deputies.deputies('goteborgsomradet', 'lgs')).map((d) => [d.member, d.aadObjectId, d.displayName]);

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => NOW });
  for (const user of [USERS.processLeaderLgs, USERS.chairLgs, USERS.memberRegion, USERS.memberKommun, USERS.processLeaderNosam])
    await bot.post(personalInstall(opts(user)));
  // LGS is linked to a channel of the team the deputy is in; the settings switch deputies on for LGS (as for politiskt samråd).
  bot.connector.roster = [DEPUTY];
  await bot.post(channelMessage('koppla LGS', { ...opts(USERS.processLeaderLgs), channelId: '19:lgs-channel@thread.tacv2' }));
  await bot.post(actionSubmit({ verb: 'saveSettings', org: 'goteborgsomradet', group: 'lgs', deputies: 'true' }, opts(USERS.processLeaderLgs)));
  lgsMeeting = (await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' })).id;
  nosamMeeting = (await createMeeting(bot, USERS.processLeaderNosam, { org: 'goteborgsomradet', group: 'nosam-hisingen', query: 'NOSAM Hisingen' })).id;
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

describe('a group without deputies', () => {
  it('förhinder shows no Kalla ersättare button and tells nobody to call a deputy; deputies cannot be named there', async () => {
    expect((await absent(USERS.memberKommun, 'nosam-hisingen', nosamMeeting)).status).toBe(200);
    expect(textsTo(USERS.processLeaderNosam)).toEqual([]);
    expect(textsTo(USERS.memberKommun)).toEqual([]);
    const [input] = cardsTo(USERS.memberKommun);
    expect(cardActions(input).map(([title]) => title)).toEqual(['Spara synpunkter']);
    bot.connector.clear();
    await bot.post(personalMessage('ersättare NOSAM Hisingen', opts(USERS.processLeaderNosam)));
    await bot.post(personalMessage('ledamöter NOSAM Hisingen', opts(USERS.processLeaderNosam)));
    expect(bot.connector.texts()).toEqual([
      'NOSAM Hisingen använder inte ersättare enligt gruppens inställningar (de ändras med **inställningar NOSAM Hisingen**). Inget ändrades.',
    ]);
    expect(cardActions(bot.connector.cards()[0]).map(([title]) => title)).toEqual(['Lägg till ledamot']);
  });
});

describe('naming a deputy', () => {
  it('a member without the right role can neither open the card nor name a deputy, and nothing changes', async () => {
    await bot.post(personalMessage('ersättare LGS', opts(USERS.memberRegion)));
    await setDeputy(USERS.memberRegion, USERS.memberRegion, USERS.stranger);
    const refusal = 'Bara en administratör eller processledaren för LGS kan namnge ersättare. Inget ändrades.';
    expect(bot.connector.texts()).toEqual([refusal, refusal]);
    expect(await named()).toEqual([]);
  });

  it('the process leader opens the card from the members card and names a person from the team; the card shows it', async () => {
    await bot.post(personalMessage('ledamöter LGS', opts(USERS.processLeaderLgs)));
    const [, button] = cardActions(bot.connector.cards()[0]).find(([title]) => title === 'Ersättare') ?? [];
    expect(button).toEqual({ verb: 'command', command: 'ersättare goteborgsomradet/lgs' });
    bot.connector.clear();
    await bot.post(actionSubmit(button as Record<string, unknown>, opts(USERS.processLeaderLgs)));
    const form = bot.connector.cards()[0];
    expect(cardTexts(form).slice(0, 1)).toEqual(['Ersättare – LGS']);
    expect(cardTexts(form)).toContain('**Ledamot region (demo)** – ersättare: ingen namngiven');
    const inputs = cardInputs(form);
    expect(inputs.member.choices).toContainEqual({ title: 'Ledamot region (demo)', value: USERS.memberRegion });
    // Process leaders sit for no party and have no deputies.
    expect((inputs.member.choices as { value: string }[]).map((c) => c.value)).not.toContain(USERS.processLeaderLgs);
    expect(inputs.deputy.choices).toContainEqual({ title: DEPUTY.name, value: USERS.stranger });

    bot.connector.clear();
    await setDeputy(USERS.processLeaderLgs, USERS.memberRegion, USERS.memberRegion);
    await setDeputy(USERS.processLeaderLgs, USERS.memberRegion, '00000000-0000-0000-0000-0000000000098');
    await setDeputy(USERS.processLeaderLgs, USERS.memberRegion, USERS.stranger);
    await bot.post(personalMessage('ersättare LGS', opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual([
      'En ledamot kan inte vara sin egen ersättare. Inget ändrades.',
      'Den valda personen finns varken i teamet eller i organisationens grupper. Öppna kortet igen. Inget ändrades.',
      'Ersättare Sahlgrenska (test) är nu ersättare för Ledamot region (demo) i LGS.',
    ]);
    expect(cardTexts(bot.connector.cards()[0])).toContain('**Ledamot region (demo)** – ersättare: Ersättare Sahlgrenska (test)');
    expect(await named()).toEqual([[USERS.memberRegion, USERS.stranger, DEPUTY.name]]);
    const log = await bot.running.repos.deputies.deputyLog('goteborgsomradet', 'lgs', 10);
    expect(log).toEqual([{ member: USERS.memberRegion, deputy: USERS.stranger, deputyName: DEPUTY.name, by: USERS.processLeaderLgs, at: NOW.toISOString() }]);
  });
});

describe('förhinder with a named deputy', () => {
  it('without a named deputy: the process leader is told to call one, and the member who can name one', async () => {
    expect((await absent(USERS.chairLgs, 'lgs', lgsMeeting)).status).toBe(200);
    expect(textsTo(USERS.processLeaderLgs)).toEqual([
      `Ordförande LGS (demo) har förhinder till ${LGS_AT}; gruppen har ersättare men ingen är namngiven för Ordförande LGS (demo) – kalla ersättaren (namnge hen med **ersättare LGS**).`,
    ]);
    expect(textsTo(USERS.chairLgs)).toEqual([
      'Processledaren har fått veta att du har förhinder och kallar din ersättare. Ingen ersättare är namngiven för dig ännu; processledaren eller en administratör kan namnge en med **ersättare LGS**.',
    ]);
    // No button without a named deputy; nothing says that deputies do not exist.
    expect(cardActions(cardsTo(USERS.chairLgs)[0]).map(([title]) => title)).toEqual(['Spara synpunkter']);
    expect(JSON.stringify(to(USERS.chairLgs))).not.toContain('ersättare inte utses');
  });

  it('the member gets the button; the deputy, unreachable at first, is called once reachable, once only; the brief shows it', async () => {
    await setDeputy(USERS.processLeaderLgs, USERS.memberRegion, USERS.stranger);
    bot.connector.clear();
    expect((await absent(USERS.memberRegion, 'lgs', lgsMeeting)).status).toBe(200);
    const [input] = cardsTo(USERS.memberRegion);
    expect(cardActions(input)).toEqual([
      ['Spara synpunkter', { verb: 'submitInput', org: 'goteborgsomradet', group: 'lgs', meetingId: lgsMeeting }],
      ['Kalla ersättare', { verb: 'callDeputy', org: 'goteborgsomradet', group: 'lgs', meetingId: lgsMeeting }],
    ]);
    expect(cardTexts(input)[1]).toBe(
      'Kan du inte komma? Tryck **Kalla ersättare** så får din ersättare Ersättare Sahlgrenska (test) kallelsen och dagordningen, och skriv gärna per punkt det du vill att ordföranden tar med. Du kan ändra fram till mån 7 dec. 2026 13:00.',
    );
    // With a deputy named, nobody is asked to call one until the member presses the button.
    expect(textsTo(USERS.processLeaderLgs)).toEqual([]);
    expect(textsTo(USERS.memberRegion)).toEqual([]);

    // The deputy has never opened a chat with the bot.
    bot.connector.clear();
    await callDeputy();
    expect(textsTo(USERS.memberRegion)).toEqual([
      'Ersättare Sahlgrenska (test) kunde inte nås här (hen har inte öppnat chatten med boten). Processledaren har fått veta att Ersättare Sahlgrenska (test) behöver kallas.',
    ]);
    expect(textsTo(USERS.processLeaderLgs)).toEqual([
      `Ledamot region (demo) har förhinder till ${LGS_AT}; ersättaren Ersättare Sahlgrenska (test) kunde inte nås här – kalla hen.`,
    ]);
    expect(to(USERS.stranger)).toEqual([]);

    // Once the deputy has a chat, pressing again calls them; a third press sends nothing.
    await bot.post(personalInstall(opts(USERS.stranger)));
    bot.connector.clear();
    await callDeputy();
    await callDeputy();
    expect(textsTo(USERS.memberRegion)).toEqual([
      'Ersättare Sahlgrenska (test) har kallats. Processledaren har fått veta det.',
      'Ersättare Sahlgrenska (test) är redan kallad till mötet. Inget skickades igen.',
    ]);
    expect(textsTo(USERS.processLeaderLgs)).toEqual([`Ledamot region (demo) har förhinder till ${LGS_AT}; ersättaren Ersättare Sahlgrenska (test) har kallats.`]);
    const calls = cardsTo(USERS.stranger);
    expect(calls.map(cardTexts)).toEqual([
      [
        'Kallelse som ersättare – LGS',
        'Du kallas som ersättare för Ledamot region (demo), som har förhinder, till LGS.',
        'Tid: tis 8 dec. 2026 13:00',
        'Plats: Teams-möte',
        '**Dagordning**',
        '1. Punkt 1',
        '2. Punkt 2',
      ],
    ]);

    bot.connector.clear();
    await bot.post(personalMessage(`sammanställning goteborgsomradet/lgs/${lgsMeeting}`, opts(USERS.processLeaderLgs)));
    expect(cardTexts(bot.connector.cards()[0])).toContain('Ersättare kallad: Ersättare Sahlgrenska (test) (för Ledamot region (demo))');

    // The process leader's meeting view shows it too; a member's does not.
    const viewOf = async (user: string) => {
      bot.connector.clear();
      await bot.post(personalMessage('möten LGS', opts(user)));
      return bot.connector.cards().flatMap(cardTexts);
    };
    expect(await viewOf(USERS.processLeaderLgs)).toContain('Ersättare kallad: Ersättare Sahlgrenska (test) (för Ledamot region (demo))');
    expect((await viewOf(USERS.memberRegion)).filter((line) => line.startsWith('Ersättare'))).toEqual([]);
  });

  it('one who said they are coming is asked to say förhinder first; one who had not answered gets förhinder noted with the call', async () => {
    await bot.post(personalInstall(opts(USERS.stranger)));
    await setDeputy(USERS.processLeaderLgs, USERS.memberKommun, USERS.stranger);
    const later = (await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' }, { date: '2026-12-15' })).id;
    await bot.post(actionExecute('attend', { org: 'goteborgsomradet', group: 'lgs', meetingId: lgsMeeting }, opts(USERS.memberKommun)));
    bot.connector.clear();
    const press = (meetingId: string) => bot.post(actionSubmit({ verb: 'callDeputy', org: 'goteborgsomradet', group: 'lgs', meetingId }, opts(USERS.memberKommun)));
    await press(lgsMeeting);
    await press(later);
    expect(textsTo(USERS.memberKommun)).toEqual([
      'Du har svarat att du kommer till LGS, så ingen ersättare kallades. Tryck Förhinder på dagordningen först om du inte kan komma.',
      'Ersättare Sahlgrenska (test) har kallats. Processledaren har fått veta det. Jag har också noterat förhinder för dig.',
    ]);
    expect(cardsTo(USERS.stranger).map((c) => cardTexts(c).slice(0, 3))).toEqual([
      ['Kallelse som ersättare – LGS', 'Du kallas som ersättare för Ledamot kommun (demo), som har förhinder, till LGS.', 'Tid: tis 15 dec. 2026 13:00'],
    ]);
    const { answers } = await bot.running.repos.meetingInputs.load({ org: 'goteborgsomradet', group: 'lgs', id: later });
    expect(answers.map((a) => [a.member, a.attendance])).toEqual([[USERS.memberKommun, 'absent']]);
  });

  it('a member whose deputy was removed is told that none is named, and who can name one', async () => {
    await setDeputy(USERS.processLeaderLgs, USERS.memberKommun, USERS.stranger);
    await setDeputy(USERS.processLeaderLgs, USERS.memberKommun, '');
    expect(bot.connector.texts()).toEqual([
      'Ersättare Sahlgrenska (test) är nu ersättare för Ledamot kommun (demo) i LGS.',
      'Ledamot kommun (demo) har inte längre någon namngiven ersättare i LGS.',
    ]);
    bot.connector.clear();
    await bot.post(actionSubmit({ verb: 'callDeputy', org: 'goteborgsomradet', group: 'lgs', meetingId: lgsMeeting }, opts(USERS.memberKommun)));
    expect(bot.connector.texts()).toEqual(['Ingen ersättare är namngiven för dig i LGS. Processledaren eller en administratör kan namnge en med **ersättare LGS**.']);
    expect(to(USERS.stranger)).toEqual([]);
  });
});

describe('Kalla ersättare from someone outside the group', () => {
  it('refuses another group’s process leader and a stranger: nothing is sent, no answer or call is stored', async () => {
    const key = { org: 'goteborgsomradet', group: 'lgs', id: lgsMeeting };
    const before = await bot.running.repos.meetingInputs.load(key);
    for (const user of [USERS.processLeaderNosam, USERS.stranger])
      await bot.post(actionSubmit({ verb: 'callDeputy', org: 'goteborgsomradet', group: 'lgs', meetingId: lgsMeeting }, opts(user)));
    expect(bot.connector.texts()).toEqual(['Bara ledamöter i LGS svarar på mötet. Inget sparades.', 'Bara ledamöter i LGS svarar på mötet. Inget sparades.']);
    expect(bot.connector.sent.filter((s) => s.activity.attachments !== undefined)).toEqual([]);
    expect(await bot.running.repos.meetingInputs.load(key)).toEqual(before);
  });
});
