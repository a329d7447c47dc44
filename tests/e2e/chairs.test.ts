import { actionSubmit, channelMessage, personalMessage, USERS } from '../helpers/activities';
import { cardActions, cardInputs, cardTexts } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

/** 2026-11-22 in Stockholm: LGS's 2025–2026 term has 39 days left. */
const NOW = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;

/** Each test starts its own bot on fresh tables (the demo roles only) and records what else it needs. */
beforeEach(async () => {
  bot = await startTestBot({}, { now: () => NOW });
});
afterEach(async () => bot.stop());

const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
const lastCard = () => bot.connector.cards().at(-1)!;

/** Opens the appointment form as `user` and returns the submission data with the card's version. */
async function openAppointForm(user: string, group: string) {
  bot.connector.clear();
  await bot.post(personalMessage(`utse ${group}`, opts(user)));
  const card = lastCard();
  const [, data] = cardActions(card)[0];
  return { card, data: data as Record<string, unknown> };
}

/** The process leader records Ledamot kommun as LGS chair for 2027–2028, as the rules ask. */
async function appointLgsChair2027() {
  const { data } = await openAppointForm(USERS.processLeaderLgs, 'LGS');
  await bot.post(
    actionSubmit(
      { ...data, role: 'chair', holder: USERS.memberKommun, origin: 'rotation', start: '2027-01-01', end: '2028-12-31', exceptionReason: '' },
      opts(USERS.processLeaderLgs),
    ),
  );
  bot.connector.clear();
}

/** A region member joins NOSAM Hisingen, so its chair can alternate to the region. */
async function addRegionMemberToNosamHisingen() {
  await bot.running.repos.groupState.saveMember('goteborgsomradet', 'nosam-hisingen', {
    aadObjectId: USERS.memberRegion,
    displayName: 'Ledamot region (demo)',
    party: 'narhalsan',
    roles: ['member'],
  });
}

async function historyLines(group: string): Promise<string[]> {
  bot.connector.clear();
  await bot.post(personalMessage(`historik ${group}`, opts(USERS.admin)));
  return cardTexts(lastCard()).slice(1);
}

const RULE_QUOTE_LGS_PREFIX = 'Regel (Göteborgsområdet, Uppdragsbeskrivning Ledningsgrupp, Beredningsgrupp, Temagrupper, NOSAM (2025)): ”';

describe('viewing chairs', () => {
  it('shows chair, vice chair, parties, principals, term end, days left and who is next by the rules', async () => {
    await bot.post(personalMessage('ordförande LGS', opts(USERS.memberRegion)));
    const texts = cardTexts(lastCard());
    expect(texts.slice(0, 10)).toEqual([
      'Ordförandeskap – LGS',
      '**LGS**',
      'Ordförande: Ordförande LGS (demo), Närhälsan (VGPV) (Region (Västra Götalandsregionen))',
      'Vice ordförande: Ledamot kommun (demo), Göteborgs stad – ÄVO/HoS (äldre samt vård och omsorg, hälso- och sjukvård) (Kommun)',
      'Mandatperiod: 2025-01-01 – 2026-12-31',
      'Dagar kvar: 39',
      'Nästa period: 2027-01-01 – 2028-12-31',
      'Nästa enligt reglerna: Kommun',
      'Vice ordförande nästa period: Region (Västra Götalandsregionen)',
      'Ordförandeskapet följer Politiskt samråd, där ordföranden enligt rotationen kommer från Kommun när perioden börjar.',
    ]);
    expect(texts[10].startsWith(RULE_QUOTE_LGS_PREFIX)).toBe(true);
    expect(cardActions(lastCard())).toEqual([['Visa historik', { verb: 'command', command: 'historik goteborgsomradet/lgs' }]]);
  });

  it('answers in English for an English locale', async () => {
    await bot.post(personalMessage('chair NOSAM Hisingen', opts(USERS.memberKommun, 'en-US')));
    expect(cardTexts(lastCard()).slice(0, 11)).toEqual([
      'Chair – NOSAM Hisingen',
      '**NOSAM Hisingen**',
      'Chair: Ledamot kommun (demo), Göteborgs stad – ÄVO/HoS (äldre samt vård och omsorg, hälso- och sjukvård) (Municipality)',
      'Vice chair: Nobody registered',
      'Term: 2026-01-01 – 2026-12-31',
      'Days left: 39',
      // No term length for NOSAM in the documents: the group decides when the next change is.
      'Next change: decided by the group',
      'Next by the rules: Region (Region Västra Götaland)',
      'The chair alternates between the principals. The latest chair is from Municipality, so the next must come from Region (Region Västra Götaland).',
      'Rule (Göteborgsområdet): ”The chairmanship rotates among the participating parties/services. The chair is appointed within the group. NOSAM may agree to appoint a vice chair. If the chair leaves during the term, the principal appoints a new chair. (Uppdragsbeskrivning Ledningsgrupp, Beredningsgrupp, Temagrupper, NOSAM, 2025) NOSAM appoints its chair from within; it shall alternate between municipality and region. (Revidering av NOSAM:s uppdrag och mandat, 2022)”',
    ]);
  });

  it("without a group shows the user's own groups", async () => {
    await bot.post(personalMessage('ordförande', opts(USERS.memberKommun)));
    const texts = cardTexts(lastCard());
    expect(texts[0]).toBe('Ordförandeskap i dina grupper');
    expect(texts.filter((t) => t.startsWith('**'))).toEqual(['**LGS**', '**NOSAM Hisingen**']);
  });

  it("in a linked channel shows the channel's group", async () => {
    await bot.post(channelMessage('koppla Temagrupp Äldre', { ...opts(USERS.admin), channelId: '19:aldre@thread.tacv2' }));
    bot.connector.clear();
    await bot.post(channelMessage('ordförande', { ...opts(USERS.memberKommun), channelId: '19:aldre@thread.tacv2' }));
    expect(cardTexts(lastCard()).slice(0, 3)).toEqual([
      'Ordförandeskap – Temagrupp Äldre',
      '**Temagrupp Äldre**',
      'Ordförande: Ledamot region (demo), Sahlgrenska Universitetssjukhuset (SU) (Region (Västra Götalandsregionen))',
    ]);
  });

  it('names an unknown group and points to the list', async () => {
    await bot.post(personalMessage('ordförande Styrelsen', opts(USERS.memberKommun)));
    expect(bot.connector.texts()).toEqual(['Jag hittar ingen grupp som heter "Styrelsen". Skriv **grupper** för att se gruppernas namn.']);
  });
});

describe('appointing', () => {
  it('refuses someone without the role, says which role is needed, and changes nothing', async () => {
    await bot.post(personalMessage('utse LGS', opts(USERS.memberRegion)));
    const forged = {
      verb: 'appoint',
      org: 'goteborgsomradet',
      group: 'lgs',
      version: '',
      role: 'chair',
      holder: USERS.memberRegion,
      origin: 'rotation',
      start: '2027-01-01',
      end: '2028-12-31',
    };
    await bot.post(actionSubmit(forged, opts(USERS.memberRegion)));
    const refusal = 'Bara en administratör, processledaren för LGS eller ordföranden i den grupp som utser kan registrera ordförande. Inget ändrades.';
    expect(bot.connector.texts()).toEqual([refusal, refusal]);
    expect((await historyLines('LGS')).filter((l) => l.startsWith('**'))).toEqual([
      '**2025-01-01 – 2026-12-31** · Ordförande',
      '**2025-01-01 – 2026-12-31** · Vice ordförande',
    ]);
  });

  it('refuses an appointment that breaks a rotation rule, naming the rule, and stores nothing', async () => {
    const { card, data } = await openAppointForm(USERS.processLeaderLgs, 'LGS');
    expect(Object.keys(cardInputs(card))).toEqual(['role', 'holder', 'origin', 'start', 'end', 'exceptionReason']);
    expect([cardInputs(card).start.value, cardInputs(card).end.value]).toEqual(['2027-01-01', '2028-12-31']);
    bot.connector.clear();
    await bot.post(
      actionSubmit(
        { ...data, role: 'chair', holder: USERS.memberRegion, origin: 'rotation', start: '2027-01-01', end: '2028-06-30', exceptionReason: '' },
        opts(USERS.processLeaderLgs),
      ),
    );
    expect(bot.connector.texts()).toEqual([
      [
        'Utnämningen följer inte gruppens regler och registrerades inte:',
        '- Mandatperioden ska vara 24 månader och sluta 2028-12-31, inte 2028-06-30.',
        '- Ordförandeskapet följer en annan grupps huvudman: ordföranden ska komma från Kommun, inte Region (Västra Götalandsregionen).',
        '',
        'Om gruppen har beslutat att frångå regeln (t.ex. förlängning i konsensus): skicka formuläret igen med ett skäl till undantag.',
      ].join('\n'),
    ]);
    expect((await historyLines('LGS')).filter((l) => l.startsWith('**'))).toHaveLength(2);
  });

  it('records an appointment that follows the rules and shows it as already appointed', async () => {
    const { data } = await openAppointForm(USERS.processLeaderLgs, 'LGS');
    bot.connector.clear();
    await bot.post(
      actionSubmit(
        { ...data, role: 'chair', holder: USERS.memberKommun, origin: 'rotation', start: '2027-01-01', end: '2028-12-31', exceptionReason: '' },
        opts(USERS.processLeaderLgs),
      ),
    );
    const [sent] = bot.connector.sent;
    expect(sent.activity.text).toBe('Ordförande i LGS: Ledamot kommun (demo), 2027-01-01 – 2028-12-31. Registrerat.');
    expect(cardTexts(lastCard())).toContain(
      'Redan utsedd: Ledamot kommun (demo), Göteborgs stad – ÄVO/HoS (äldre samt vård och omsorg, hälso- och sjukvård) (Kommun), 2027-01-01 – 2028-12-31',
    );
  });

  it('accepts a rule-breaking appointment as an exception with its reason, kept in the history', async () => {
    await appointLgsChair2027();
    const { data } = await openAppointForm(USERS.processLeaderLgs, 'LGS');
    bot.connector.clear();
    const reason = 'Beslutat i enighet på LGS 2026-11-20: regionens ledamot blir vice ordförande även nästa period.';
    await bot.post(
      actionSubmit(
        { ...data, role: 'viceChair', holder: USERS.memberKommun, origin: 'rotation', start: '2027-01-01', end: '2028-12-31', exceptionReason: reason },
        opts(USERS.processLeaderLgs),
      ),
    );
    expect(bot.connector.sent[0].activity.text).toBe(
      'Vice ordförande i LGS: Ledamot kommun (demo), 2027-01-01 – 2028-12-31. Registrerat. Registrerat som undantag från reglerna, med skälet sparat i historiken.',
    );
    expect(await historyLines('LGS')).toEqual([
      '**2027-01-01 – 2028-12-31** · Ordförande',
      'Ledamot kommun (demo), Göteborgs stad – ÄVO/HoS (äldre samt vård och omsorg, hälso- och sjukvård) (Kommun) · Ordinarie period',
      '**2027-01-01 – 2028-12-31** · Vice ordförande',
      'Ledamot kommun (demo), Göteborgs stad – ÄVO/HoS (äldre samt vård och omsorg, hälso- och sjukvård) (Kommun) · Ordinarie period',
      `Undantag från regeln: vice ordförande från andra huvudmannen. Skäl: ${reason}`,
      '**2025-01-01 – 2026-12-31** · Ordförande',
      'Ordförande LGS (demo), Närhälsan (VGPV) (Region (Västra Götalandsregionen)) · Ordinarie period',
      '**2025-01-01 – 2026-12-31** · Vice ordförande',
      'Ledamot kommun (demo), Göteborgs stad – ÄVO/HoS (äldre samt vård och omsorg, hälso- och sjukvård) (Kommun) · Ordinarie period',
    ]);
  });

  it('lets a temagrupp extend its chair by consensus without an exception', async () => {
    await bot.post(personalMessage('utse Temagrupp Äldre', opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual([
      'Bara en administratör, processledaren för Temagrupp Äldre eller ordföranden i den grupp som utser kan registrera ordförande. Inget ändrades.',
    ]);
    const { card, data } = await openAppointForm(USERS.admin, 'Temagrupp Äldre');
    expect((cardInputs(card).origin.choices as { value: string }[]).map((c) => c.value)).toEqual(['rotation', 'replacement', 'extension']);
    bot.connector.clear();
    await bot.post(
      actionSubmit(
        { ...data, role: 'chair', holder: USERS.memberRegion, origin: 'extension', start: '2027-01-01', end: '2028-06-30', exceptionReason: '' },
        opts(USERS.admin),
      ),
    );
    expect(bot.connector.sent[0].activity.text).toBe('Ordförande i Temagrupp Äldre: Ledamot region (demo), 2027-01-01 – 2028-06-30. Registrerat.');
  });

  it('gives the loser of a concurrent edit the current state and overwrites nothing', async () => {
    const first = await openAppointForm(USERS.admin, 'NOSAM Hisingen');
    const second = await openAppointForm(USERS.processLeaderNosam, 'NOSAM Hisingen');
    expect(first.data.version).toBe(second.data.version);
    await addRegionMemberToNosamHisingen();
    bot.connector.clear();
    await bot.post(
      actionSubmit({ ...first.data, role: 'chair', holder: USERS.memberRegion, origin: 'rotation', start: '2027-01-01', end: '2027-12-31' }, opts(USERS.admin)),
    );
    await bot.post(
      actionSubmit(
        { ...second.data, role: 'chair', holder: USERS.memberKommun, origin: 'rotation', start: '2027-01-01', end: '2027-12-31', exceptionReason: 'x' },
        opts(USERS.processLeaderNosam),
      ),
    );
    expect(bot.connector.sent.map((s) => s.activity.text)).toEqual([
      'Ordförande i NOSAM Hisingen: Ledamot region (demo), 2027-01-01 – 2027-12-31. Registrerat.',
      'Någon annan ändrade ordförandeskapet i gruppen medan du fyllde i formuläret, så ditt förslag sparades inte. Så här ser det ut nu – öppna formuläret igen om du vill fortsätta:',
    ]);
    expect(cardTexts(lastCard())).toContain('Redan utsedd: Ledamot region (demo), Närhälsan (VGPV) (Region (Västra Götalandsregionen)), 2027-01-01 – 2027-12-31');
    expect((await historyLines('NOSAM Hisingen')).filter((l) => l.startsWith('**'))).toEqual([
      '**2027-01-01 – 2027-12-31** · Ordförande',
      '**2026-01-01 – 2026-12-31** · Ordförande',
    ]);
  });

  it('refuses a replacement from the wrong principal, naming the rule', async () => {
    await addRegionMemberToNosamHisingen();
    const { data } = await openAppointForm(USERS.admin, 'NOSAM Hisingen');
    bot.connector.clear();
    await bot.post(
      actionSubmit({ ...data, role: 'chair', holder: USERS.memberRegion, origin: 'replacement', start: '2026-12-01', end: '2026-12-31' }, opts(USERS.admin)),
    );
    expect(bot.connector.texts()[0].split('\n').slice(0, 2)).toEqual([
      'Utnämningen följer inte gruppens regler och registrerades inte:',
      '- En ersättare utses av den avgående ordförandens huvudman (Kommun), inte Region (Västra Götalandsregionen).',
    ]);
  });

  it('answers a malformed appointment submission without changing anything', async () => {
    await bot.post(actionSubmit({ verb: 'appoint', org: 'goteborgsomradet', group: 'lgs', role: 'chair', holder: 'not-a-guid' }, opts(USERS.admin)));
    expect(bot.connector.texts()).toEqual(['Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.']);
  });
});

describe('members', () => {
  it('adds a member from the linked team roster, and refuses a member who tries', async () => {
    bot.connector.roster = [
      { id: '29:new', aadObjectId: '00000000-0000-0000-0000-0000000000031', name: 'Ny ledamot (demo)' },
      { id: '29:pl', aadObjectId: USERS.processLeaderNosam, name: 'Processledare NOSAM Hisingen/Öckerö (demo)' },
    ];
    await bot.post(channelMessage('koppla NOSAM Öckerö', { ...opts(USERS.processLeaderNosam), channelId: '19:ockero@thread.tacv2' }));
    bot.connector.clear();
    await bot.post(personalMessage('lägg till NOSAM Öckerö', opts(USERS.processLeaderNosam)));
    const card = lastCard();
    // The linked team's people and everyone in the organisation's groups, by name, searchable; never an id to type.
    expect(cardInputs(card).person.style).toBe('filtered');
    expect((cardInputs(card).person.choices as { title: string; value: string }[]).map((c) => c.title)).toEqual([
      'Ledamot kommun (demo)',
      'Ledamot region (demo)',
      'Ny ledamot (demo)',
      'Ordförande LGS (demo)',
      'Processledare LGS (demo)',
      'Processledare NOSAM Hisingen/Öckerö (demo)',
    ]);
    bot.connector.clear();
    const submit = {
      verb: 'addMember',
      org: 'goteborgsomradet',
      group: 'nosam-ockero',
      person: '00000000-0000-0000-0000-0000000000031',
      party: 'ockero',
      role: 'member',
    };
    await bot.post(actionSubmit(submit, opts(USERS.processLeaderNosam)));
    await bot.post(actionSubmit({ ...submit, person: USERS.memberKommun, displayName: 'Påhittad' }, opts(USERS.memberKommun)));
    await bot.post(actionSubmit({ ...submit, person: '00000000-0000-0000-0000-0000000000777' }, opts(USERS.processLeaderNosam)));
    expect(bot.connector.texts()).toEqual([
      'Ny ledamot (demo) är nu med i NOSAM Öckerö.',
      'Bara en administratör eller processledaren för NOSAM Öckerö kan ändra gruppens ledamöter. Inget ändrades.',
      'Personen finns inte bland dem jag kan föreslå. Öppna formuläret igen och välj i listan. Inget ändrades.',
    ]);
    bot.connector.clear();
    await bot.post(personalMessage('ledamöter NOSAM Öckerö', opts(USERS.processLeaderNosam)));
    expect(cardTexts(lastCard())).toEqual([
      'Ledamöter – NOSAM Öckerö',
      '**Ny ledamot (demo)** – Ledamot · Öckerö kommun',
      '**Processledare NOSAM Hisingen/Öckerö (demo)** – Processledare',
    ]);
    const user = await bot.running.repos.members.userContext('00000000-0000-0000-0000-0000000000031', []);
    expect(user.memberships).toEqual([{ org: 'goteborgsomradet', group: 'nosam-ockero', party: 'ockero', roles: ['member'] }]);
  });
});
