import {
  actionSubmit,
  channelMessage,
  personalInstall,
  personalMembersAdded,
  personalMessage,
  personalUninstall,
  teamBotAdded,
  teamInstall,
  teamUninstall,
  TENANT,
  USERS,
} from '../helpers/activities';
import { cardTexts } from '../helpers/cards';
import { startTestBot, type TestBot } from '../helpers/testBot';

const FOREIGN_TENANT = '11111111-1111-1111-1111-111111111111';
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ ALLOWED_TENANTS: TENANT }, { now: () => new Date('2026-11-22T10:00:00Z') });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const opts = (user: string = USERS.admin, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
describe('install and welcome', () => {
  it('welcomes once in Swedish when installed in personal scope (both install events arrive)', async () => {
    expect((await bot.post(personalMembersAdded(opts(USERS.memberKommun)))).status).toBe(200);
    expect((await bot.post(personalInstall(opts(USERS.memberKommun)))).status).toBe(200);
    expect(bot.connector.texts()).toEqual([
      'Hej! Jag är Samverkansboten. Jag håller ordning på ordförandeskap, årshjulet, dagordningar, synpunkter från den som har förhinder och beslut i era samverkansgrupper. Skriv **hjälp** för att se vad du kan göra.',
    ]);
    const ref = await bot.running.repos.conversations.personalReference(USERS.memberKommun);
    expect(ref).toEqual({
      channelId: 'msteams',
      serviceUrl: bot.connector.url,
      tenantId: TENANT,
      conversationId: `a:personal-${USERS.memberKommun}`,
      conversationType: 'personal',
      botId: '28:00000000-0000-0000-0000-00000000000011',
      botName: 'Samverkansboten',
      userAadObjectId: USERS.memberKommun,
      teamId: null,
    });
  });

  it('does not welcome again when install events repeat for a known conversation (the Playground does that on reload)', async () => {
    await bot.post(personalInstall(opts(USERS.processLeaderNosam)));
    bot.connector.clear();
    await bot.post(personalMembersAdded(opts(USERS.processLeaderNosam)));
    await bot.post(personalInstall(opts(USERS.processLeaderNosam)));
    expect(bot.connector.texts()).toEqual([]);
  });

  it('welcomes in English when Teams says the locale is English', async () => {
    await bot.post(personalInstall(opts(USERS.memberRegion, 'en-US')));
    expect(bot.connector.texts()).toEqual([
      "Hi! I'm Samverkansboten. I keep track of chairs, the annual cycle, agendas, written input from members who cannot attend, and decisions in your collaboration groups. Type **help** to see what you can do.",
    ]);
  });

  it('welcomes a team once when added to a channel', async () => {
    await bot.post(teamInstall(opts()));
    await bot.post(teamBotAdded(opts()));
    expect(bot.connector.sent.map((s) => s.conversationId)).toEqual(['19:team-general@thread.tacv2']);
  });

  it('forgets the personal conversation on uninstall, idempotently under duplicate events', async () => {
    await bot.post(personalInstall(opts(USERS.chairLgs)));
    expect(await bot.running.repos.conversations.personalReference(USERS.chairLgs)).not.toBeNull();
    expect((await bot.post(personalUninstall(opts(USERS.chairLgs)))).status).toBe(200);
    expect((await bot.post(personalUninstall(opts(USERS.chairLgs)))).status).toBe(200);
    expect(await bot.running.repos.conversations.personalReference(USERS.chairLgs)).toBeNull();
  });

  it('sends proactive messages to a stored personal conversation through the connector', async () => {
    await bot.post(personalInstall(opts(USERS.memberRegion)));
    bot.connector.clear();
    const ref = await bot.running.repos.conversations.personalReference(USERS.memberRegion);
    await bot.running.proactive.send(ref!, { text: 'Påminnelse: årsrapporten ska lämnas 15 februari.' });
    expect(bot.connector.sent.map((s) => [s.conversationId, s.activity.text])).toEqual([
      [`a:personal-${USERS.memberRegion}`, 'Påminnelse: årsrapporten ska lämnas 15 februari.'],
    ]);
  });
});

describe('help', () => {
  it('shows a process leader the Swedish help card with linking and their roles', async () => {
    await bot.post(personalMessage('hjälp', opts(USERS.processLeaderLgs)));
    const [card] = bot.connector.cards();
    expect(cardTexts(card)).toEqual([
      'Det här kan du göra',
      'Skriv ett kommando i chatten, eller välj en knapp. I en kanal: nämn boten först, t.ex. @Samverkansboten grupper.',
      'hjälp: Visar den här listan.',
      'grupper [organisation]: Grupperna med sort, ordförande och nästa möte.',
      'ordförande [grupp]: Ordförande, vice, mandatperiod och vem som står på tur enligt reglerna.',
      'årshjul [grupp]: Årshjulets kommande datum och en kalenderlänk för Outlook.',
      'möten [grupp]: Gruppens möten: dagordning, närvaro, förhinder med och utan synpunkter.',
      'beslut \\<grupp\\> [sökord] [år]: Beslutsloggen: senaste besluten eller sökning, med förankringsstatus.',
      'historik \\<grupp\\>: Alla ordförandeperioder, med undantag och skäl.',
      'ledamöter \\<grupp\\>: Gruppens ledamöter med part och roll.',
      'språk sv | en: Byt språk för dina svar.',
      'möte \\<grupp\\>: Skapa ett möte och publicera dagordningen.',
      'utse \\<grupp\\>: Registrera ordförande eller vice (formulär, reglerna kontrolleras).',
      'lägg till \\<grupp\\>: Lägg till en ledamot eller processledare.',
      'koppla \\<grupp\\>: Koppla den här kanalen till en grupp (i en kanal).',
      'exportera \\<grupp\\>: Beslutsloggen som Markdown, CSV och JSON för publicering.',
      'årshjul \\<grupp\\> ändra: Fastställ, flytta eller ta bort årshjulets datum för i år, eller lägg till en engångspunkt.',
      'inställningar \\<grupp\\>: Ersättare, mötesvägledning, rapporttakt, justerare och sista tid för synpunkter.',
      'ersättare \\<grupp\\>: Namnge, byt eller ta bort ledamöternas ersättare (i grupper med ersättare).',
      'Mötet steg för steg – processledare (LGS, LGS styrgrupp, Politiskt samråd)',
      'möte \\<grupp\\>: 1. Skapa mötet och publicera dagordningen.',
      'sammanställning \\<grupp\\> [datum]: 2. Närvaro och synpunkter inför mötet.',
      'avsluta \\<grupp\\> [datum]: 3. Markera mötet som genomfört och skriv sammanfattningar.',
      'registrera \\<grupp\\> [datum]: 4. Registrera besluten från mötet.',
      'minnesanteckningar \\<grupp\\> [datum]: 5. Skriv minnesanteckningarna och skicka dem för justering.',
      'publicera \\<grupp\\> [datum] \\<webbadress\\>: 6. Publicera de justerade minnesanteckningarna.',
      'ordförandebeslut \\<grupp\\>: Registrera ett ordförandebeslut mellan mötena.',
      'Dina roller',
      '- Processledare – LGS\n- Processledare – LGS styrgrupp\n- Processledare – Politiskt samråd',
    ]);
    expect(card.lang).toBe('sv-SE');
  });

  it('shows a member the English help without linking', async () => {
    await bot.post(personalMessage('help', opts(USERS.memberKommun, 'en-US')));
    expect(cardTexts(bot.connector.cards()[0])).toEqual([
      'What you can do',
      'Type a command in the chat, or pick a button. In a channel, mention the bot first, e.g. @Samverkansboten groups.',
      'help: Shows this list.',
      'groups [organisation]: The groups with kind, chair and next meeting.',
      'chair [group]: Chair, vice chair, term and who is next by the rules.',
      "cycle [group]: The annual cycle's coming dates and a calendar link for Outlook.",
      "meetings [group]: The group's meetings: agenda, attendance, absent with and without input.",
      'decisions \\<group\\> [words] [year]: The decision log: latest decisions or a search, with anchoring status.',
      'history \\<group\\>: Every chair term, with exceptions and reasons.',
      "members \\<group\\>: The group's members with party and role.",
      'language sv | en: Change the language of replies.',
      'export \\<group\\>: The decision log as Markdown, CSV and JSON for publishing.',
      "cycle \\<group\\> edit: Confirm, move or remove the annual cycle's dates for this year, or add a one-off item.",
      'Vice chair – LGS',
      'meeting \\<group\\>: 1. Create the meeting and post the agenda.',
      'brief \\<group\\> [date]: 2. Attendance and written input before the meeting.',
      'close \\<group\\> [date]: 3. Mark the meeting as held and write summaries.',
      "record \\<group\\> [date]: 4. Record the meeting's decisions.",
      'minutes \\<group\\> [date]: 5. Write the minutes and send them for approval.',
      'publish \\<group\\> [date] \\<web address\\>: 6. Publish the approved minutes.',
      'chair-decision \\<group\\>: Record a chair decision between meetings.',
      'Chair – NOSAM Hisingen',
      'meeting \\<group\\>: 1. Create the meeting and post the agenda.',
      'brief \\<group\\> [date]: 2. Attendance and written input before the meeting.',
      'close \\<group\\> [date]: 3. Mark the meeting as held and write summaries.',
      "record \\<group\\> [date]: 4. Record the meeting's decisions.",
      'minutes \\<group\\> [date]: 5. Write the minutes and send them for approval, or approve or return them.',
      'publish \\<group\\> [date] \\<web address\\>: 6. Publish the approved minutes.',
      'chair-decision \\<group\\>: Record a chair decision between meetings.',
      'As a member (LGS, NOSAM Hisingen)',
      'input \\<group\\> [date]: Write input on the agenda if you cannot attend.',
      'anchoring \\<principal or party\\>: Decisions waiting for anchoring with your principal or party.',
      'Your roles',
      '- Vice chair – LGS\n- Member – LGS, Göteborgs stad – ÄVO/HoS (äldre samt vård och omsorg, hälso- och sjukvård)\n- Chair – NOSAM Hisingen\n- Member – NOSAM Hisingen, Göteborgs stad – ÄVO/HoS (äldre samt vård och omsorg, hälso- och sjukvård)',
    ]);
  });

  it('tells someone with no group how to get added', async () => {
    await bot.post(personalMessage('hjälp', opts(USERS.stranger)));
    expect(cardTexts(bot.connector.cards()[0]).slice(-1)).toEqual([
      'Du är inte registrerad i någon grupp ännu. Be gruppens processledare eller en administratör att lägga till dig.',
    ]);
  });

  it('answers unknown text briefly and points to help', async () => {
    await bot.post(personalMessage('visa budget', opts(USERS.memberKommun)));
    expect(bot.connector.texts()).toEqual(['Jag förstod inte "visa budget". Skriv **hjälp** för att se vad jag kan.']);
  });
});

describe('groups', () => {
  it("lists the member's organisation with kind, chair and next meeting, own groups marked", async () => {
    await bot.post(personalMessage('grupper', opts(USERS.memberKommun)));
    const texts = cardTexts(bot.connector.cards()[0]);
    expect(texts[0]).toBe('Grupper – Vårdsamverkan i Göteborgsområdet – Kommun och sjukvård');
    const lgs = texts.indexOf('**LGS** · Din grupp');
    expect(texts.slice(lgs, lgs + 4)).toEqual([
      '**LGS** · Din grupp',
      'Ledningsgrupp · Ledningsgruppen för samverkan (LGS)',
      'Ordförande: Ordförande LGS (demo), Närhälsan (VGPV)',
      'Nästa möte: Inget möte planerat',
    ]);
    const ug = texts.indexOf('**UG SAMSA**');
    expect(texts.slice(ug, ug + 4)).toEqual([
      '**UG SAMSA**',
      'Arbetsgrupp · Utvecklingsgrupp SAMSA (UG SAMSA)',
      'Ordförande: Ingen ordförande registrerad',
      'Nästa möte: Inget möte planerat',
    ]);
    expect(texts.filter((t) => t.startsWith('**NOSAM '))).toEqual([
      '**NOSAM Sydväst**',
      '**NOSAM Hisingen** · Din grupp',
      '**NOSAM Nordost**',
      '**NOSAM Centrum**',
      '**NOSAM Partille**',
      '**NOSAM Härryda**',
      '**NOSAM Mölndal**',
      '**NOSAM Öckerö**',
    ]);
  });

  it('asks someone outside every group which organisation, and the button lists it', async () => {
    await bot.post(personalMessage('grupper', opts(USERS.stranger)));
    const card = bot.connector.cards()[0];
    expect(cardTexts(card)).toEqual(['Vilken organisation vill du se?']);
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'Vårdsamverkan i Göteborgsområdet – Kommun och sjukvård', data: { verb: 'command', command: 'grupper goteborgsomradet' } },
      { type: 'Action.Submit', title: 'SAMLA – Vårdsamverkan Lerum Alingsås', data: { verb: 'command', command: 'grupper samla' } },
    ]);
    bot.connector.clear();
    await bot.post(actionSubmit({ verb: 'command', command: 'grupper samla' }, opts(USERS.stranger)));
    const texts = cardTexts(bot.connector.cards()[0]);
    expect(texts[0]).toBe('Grupper – SAMLA – Vårdsamverkan Lerum Alingsås');
    expect(texts.filter((t) => t.startsWith('**'))).toEqual([
      '**SAMLA politisk samrådsgrupp**',
      '**SAMLA Samordningsgrupp**',
      '**SAMLA AU**',
      '**NOSAM Lerum**',
      '**NOSAM Alingsås**',
    ]);
  });

  it('names the organisations when an unknown one is asked for', async () => {
    await bot.post(personalMessage('groups nowhere', opts(USERS.stranger, 'en-US')));
    expect(bot.connector.texts()).toEqual(['I can\'t find an organisation called "nowhere". Choose one of: Göteborgsområdet, SAMLA.']);
  });
});

describe('linking a channel to a group', () => {
  const channel = '19:lgs-channel@thread.tacv2';
  /** LGS's process leader links `channel` to LGS (as the first test here shows), so a test can rely on the link. */
  const linkLgs = async () => {
    await bot.post(channelMessage('koppla LGS', { ...opts(USERS.processLeaderLgs), channelId: channel }));
    expect((await bot.running.repos.conversations.channelOfGroup('goteborgsomradet', 'lgs'))?.channel.conversationId).toBe(channel);
    bot.connector.clear();
  };

  it("lets the group's process leader link with `koppla LGS`", async () => {
    await bot.post(channelMessage('koppla LGS', { ...opts(USERS.processLeaderLgs), channelId: channel }));
    expect(bot.connector.texts()).toEqual([
      'Klart! Den här kanalen är nu kopplad till **LGS** (Göteborgsområdet). Påminnelser och dagordningar för gruppen publiceras här.',
    ]);
    const link = await bot.running.repos.conversations.channelOfGroup('goteborgsomradet', 'lgs');
    expect([link?.channel.conversationId, link?.channel.teamId, link?.channel.conversationType]).toEqual([channel, '19:team-general@thread.tacv2', 'channel']);
    expect((await bot.running.repos.conversations.linksOfChannel(link!.channel)).map((l) => l.group)).toEqual(['lgs']);
  });

  it('refuses a member, says which role is needed, and stores nothing', async () => {
    await bot.post(channelMessage('koppla Temagrupp Äldre', { ...opts(USERS.memberRegion), channelId: channel }));
    expect(bot.connector.texts()).toEqual(['Bara en administratör eller processledaren för Temagrupp Äldre kan koppla en kanal till gruppen. Inget ändrades.']);
    expect(await bot.running.repos.conversations.channelOfGroup('goteborgsomradet', 'tema-aldre')).toBeNull();
  });

  it('offers an admin a card of groups and links from the submission', async () => {
    await bot.post(channelMessage('koppla', { ...opts(USERS.admin), channelId: '19:nosam@thread.tacv2' }));
    const card = bot.connector.cards()[0];
    const choices = ((card.body as Record<string, unknown>[])[1].choices as { value: string }[]).map((c) => c.value);
    expect(choices).toHaveLength(21 + 5);
    expect(choices).toContain('goteborgsomradet/nosam-hisingen');
    bot.connector.clear();
    await bot.post(actionSubmit({ verb: 'linkChannel', group: 'goteborgsomradet/nosam-hisingen' }, { ...opts(USERS.admin), channelId: '19:nosam@thread.tacv2' }));
    expect(bot.connector.texts()).toEqual([
      'Klart! Den här kanalen är nu kopplad till **NOSAM Hisingen** (Göteborgsområdet). Påminnelser och dagordningar för gruppen publiceras här.',
    ]);
  });

  it('answers a malformed card submission clearly and changes nothing', async () => {
    await linkLgs();
    await bot.post(actionSubmit({ verb: 'linkChannel', group: '../../etc' }, { ...opts(USERS.admin), channelId: channel }));
    await bot.post(actionSubmit({ verb: 'somethingElse' }, opts(USERS.admin)));
    expect(bot.connector.texts()).toEqual([
      'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.',
      'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.',
    ]);
    expect((await bot.running.repos.conversations.channelOfGroup('goteborgsomradet', 'lgs'))?.channel.conversationId).toBe(channel);
  });

  it('explains that linking happens in a channel when asked in personal chat', async () => {
    await bot.post(personalMessage('koppla LGS', opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual(['Kanaler kopplas i kanalen själv: lägg till boten i teamet och skriv @Samverkansboten koppla \\<grupp\\> i kanalen.']);
  });

  it('drops every link in a team when the bot is removed from it', async () => {
    await linkLgs();
    await bot.post(actionSubmit({ verb: 'linkChannel', group: 'goteborgsomradet/nosam-hisingen' }, { ...opts(USERS.admin), channelId: '19:nosam@thread.tacv2' }));
    expect(await bot.running.repos.conversations.channelOfGroup('goteborgsomradet', 'nosam-hisingen')).not.toBeNull();
    await bot.post(teamUninstall(opts()));
    expect(await bot.running.repos.conversations.channelOfGroup('goteborgsomradet', 'lgs')).toBeNull();
    expect(await bot.running.repos.conversations.channelOfGroup('goteborgsomradet', 'nosam-hisingen')).toBeNull();
  });
});

describe('bad input', () => {
  it('refuses a foreign tenant and stores nothing', async () => {
    const m = personalMessage('hjälp', { ...opts(USERS.memberKommun), tenant: FOREIGN_TENANT });
    const foreign = { ...m, conversation: { ...m.conversation, id: 'a:foreign' }, from: { ...m.from, aadObjectId: '22222222-2222-2222-2222-222222222222' } };
    expect((await bot.post(foreign)).status).toBe(200);
    expect(bot.connector.texts()).toEqual(['Samverkansboten är inte tillgänglig för din organisation. Inget har sparats.']);
    expect(await bot.running.repos.conversations.personalReference('22222222-2222-2222-2222-222222222222')).toBeNull();
  });

  it('answers malformed activities without crashing, and keeps serving', async () => {
    expect((await bot.post('{not json')).status).toBe(400);
    expect((await bot.post({})).status).toBe(400);
    const m = personalMessage('hjälp', opts());
    const { from: _from, ...withoutFrom } = m;
    expect((await bot.post(withoutFrom)).status).toBe(200);
    expect(bot.connector.texts()).toEqual(['Jag fick ett tomt meddelande. Skriv **hjälp** för att se vad jag kan.']);
    const health = await fetch(`${bot.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok', storage: true }]);
  });
});

describe('language', () => {
  it('keeps a chosen language over the Teams locale until set back to auto', async () => {
    await bot.post(personalMessage('språk en', opts(USERS.memberRegion, 'sv-SE')));
    await bot.post(personalMessage('xyz', opts(USERS.memberRegion, 'sv-SE')));
    await bot.post(personalMessage('språk auto', opts(USERS.memberRegion, 'sv-SE')));
    expect(bot.connector.texts()).toEqual([
      "I'll reply to you in English from now on.",
      'I didn\'t understand "xyz". Type **help** to see what I can do.',
      'Jag följer språket i Teams igen.',
    ]);
  });
});
