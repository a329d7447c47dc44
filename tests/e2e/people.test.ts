import { actionExecute, actionSubmit, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardActions, cardInputs, cardTexts } from '../helpers/cards';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';
import { recordOf } from '../../src/app/groupRecord';
import { mayIn, type Action } from '../../src/domain/permissions';

/** Understanding people: group names as said, "Menade du", greetings (issue 13). */
const NOW = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => NOW });
  for (const user of [USERS.processLeaderLgs, USERS.memberRegion]) await bot.post(personalInstall(opts(user)));
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
const LGS = { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' };
const lastCardTitle = () => cardTexts(bot.connector.cards().at(-1)!)[0];

describe('group names as people say them', () => {
  it.each([
    ['hisingen', 'NOSAM Hisingen'],
    ['nosam hisingen', 'NOSAM Hisingen'],
    ['äldre', 'Temagrupp Äldre'],
    ['temagrupp aldre', 'Temagrupp Äldre'],
    ['Ledningsgruppen för samverkan', 'LGS'],
    ['ledningsgruppen for samverkan', 'LGS'],
    ['ockero', 'NOSAM Öckerö'],
  ])('"ordförande %s" shows %s', async (said, shortName) => {
    await bot.post(personalMessage(`ordförande ${said}`, opts(USERS.memberKommun)));
    expect(bot.connector.texts()).toEqual([]);
    expect(lastCardTitle()).toBe(`Ordförandeskap – ${shortName}`);
  });

  it('asks for more of the name when the words fit several groups of one organisation', async () => {
    await bot.post(personalMessage('ordförande nosam', opts(USERS.memberKommun)));
    expect(bot.connector.texts()).toEqual([
      '"nosam" passar flera grupper: NOSAM Sydväst, NOSAM Hisingen, NOSAM Nordost, NOSAM Centrum, NOSAM Partille, NOSAM Härryda, NOSAM Mölndal, NOSAM Öckerö. Skriv mer av namnet.',
    ]);
  });
});

describe('unknown commands and greetings', () => {
  it('suggests the closest commands for a misspelt one', async () => {
    await bot.post(personalMessage('grupepr', opts(USERS.memberKommun)));
    expect(bot.connector.texts()).toEqual(['Jag förstod inte "grupepr". Menade du **grupper**? Skriv **hjälp** för att se allt jag kan.']);
  });

  it('suggests in English for an English client', async () => {
    await bot.post(personalMessage('besult LGS', opts(USERS.memberKommun, 'en-US')));
    expect(bot.connector.texts()).toEqual(['I didn\'t understand "besult LGS". Did you mean **decisions**? Type **help** to see everything I can do.']);
  });

  it('offers several when several are as close', async () => {
    await bot.post(personalMessage('mötn', opts(USERS.memberKommun)));
    expect(bot.connector.texts()).toEqual(['Jag förstod inte "mötn". Menade du **möte** eller **möten**? Skriv **hjälp** för att se allt jag kan.']);
  });

  it.each([
    ['hej', 'sv-SE', 'Hej! Här är vad du kan göra med mig.', 'Det här kan du göra'],
    ['God morgon!', 'sv-SE', 'Hej! Här är vad du kan göra med mig.', 'Det här kan du göra'],
    ['hello', 'en-US', 'Hi! Here is what you can do with me.', 'What you can do'],
  ])('answers "%s" with a greeting and help', async (said, locale, greeting, helpTitle) => {
    await bot.post(personalMessage(said, opts(USERS.memberKommun, locale)));
    expect(bot.connector.texts()).toEqual([greeting]);
    expect(lastCardTitle()).toBe(helpTitle);
  });
});

describe('counted texts say one thing in the singular', () => {
  it.each([
    ['sv-SE', 'Sparat: 1 synpunkt. Du kan ändra fram till mån 7 dec. 2026 13:00.'],
    ['en-US', 'Saved: 1 comment. You can edit until Mon, 7 Dec 2026, 13:00.'],
  ])('a member who writes one comment (%s) is told so', async (locale, expected) => {
    const m = await createMeeting(bot, USERS.processLeaderLgs, LGS, {}, 1);
    const [org, group, meetingId] = m.ref.split('/');
    await bot.post(actionExecute('absent', { org, group, meetingId }, opts(USERS.memberRegion, locale)));
    bot.connector.clear();
    await bot.post(actionSubmit({ verb: 'submitInput', org, group, meetingId, [`input_${m.itemIds[0]}`]: 'Bra förslag.' }, opts(USERS.memberRegion, locale)));
    expect(bot.connector.texts()).toEqual([expected]);
  });
});

describe('help by role', () => {
  it('shows a member input and förankring, with their arguments', async () => {
    await bot.post(personalMessage('hjälp', opts(USERS.memberRegion)));
    const texts = cardTexts(bot.connector.cards()[0]);
    const from = texts.findIndex((t) => t.startsWith('Som ledamot'));
    expect(texts.slice(from, from + 3)).toEqual([
      // A chair takes part as a member too: Temagrupp Äldre, where this member is chair, is named.
      'Som ledamot (LGS, Temagrupp Äldre)',
      'synpunkter \\<grupp\\> [datum]: Skriv synpunkter till dagordningen om du har förhinder.',
      'förankring \\<huvudman eller part\\>: Beslut som väntar på förankring hos din huvudman eller part.',
    ]);
    // Chair of Temagrupp Äldre only: no chair's or process leader's section for LGS.
    expect(texts.filter((t) => /^(Ordförande|Vice ordförande|Mötet steg för steg) /.test(t))).toEqual(['Ordförande – Temagrupp Äldre']);
  });

  it("names the chair, their role and every command the chair has, members' input included", async () => {
    await bot.post(personalMessage('hjälp', opts(USERS.chairLgs)));
    const texts = cardTexts(bot.connector.cards()[0]);
    const from = texts.indexOf('Ordförande – LGS');
    expect(texts.slice(from)).toEqual([
      'Ordförande – LGS',
      'möte \\<grupp\\>: 1. Skapa mötet och publicera dagordningen.',
      'sammanställning \\<grupp\\> [datum]: 2. Närvaro och synpunkter inför mötet.',
      'avsluta \\<grupp\\> [datum]: 3. Markera mötet som genomfört och skriv sammanfattningar.',
      'registrera \\<grupp\\> [datum]: 4. Registrera besluten från mötet.',
      'minnesanteckningar \\<grupp\\> [datum]: 5. Skriv minnesanteckningarna och skicka dem för justering, eller justera eller returnera dem.',
      'publicera \\<grupp\\> [datum] \\<webbadress\\>: 6. Publicera de justerade minnesanteckningarna.',
      'ordförandebeslut \\<grupp\\>: Registrera ett ordförandebeslut mellan mötena.',
      'Som ledamot (LGS, LGS styrgrupp)',
      'synpunkter \\<grupp\\> [datum]: Skriv synpunkter till dagordningen om du har förhinder.',
      'förankring \\<huvudman eller part\\>: Beslut som väntar på förankring hos din huvudman eller part.',
      'Dina roller',
      '- Ordförande – LGS\n- Ledamot – LGS, Närhälsan (VGPV)\n- Ledamot – LGS styrgrupp, Närhälsan (VGPV)',
    ]);
    expect(texts).toContain('exportera \\<grupp\\>: Beslutsloggen som Markdown, CSV och JSON för publicering.');
  });

  /** The commands help lists, by the groups its section names ('*' for the general list), as typed without escapes. */
  function listedCommands(texts: readonly string[]): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    let groups = ['*'];
    for (const t of texts) {
      const heading = /^(?:Ordförande|Vice ordförande) – (.+)$/.exec(t) ?? /^(?:Mötet steg för steg – processledare|Som ledamot) \((.+)\)$/.exec(t);
      if (heading !== null) groups = heading[1].split(', ');
      else if (t.includes(': ')) {
        // The command word(s) before the first argument: "årshjul <grupp> ändra" is "årshjul ändra".
        const command = t
          .split(': ')[0]
          .replace(/\\/g, '')
          .replace(/ ?(<[^>]*>|\[[^\]]*\])/g, '');
        for (const g of groups) out.set(g, new Set([...(out.get(g) ?? []), command]));
      }
    }
    return out;
  }

  /** The meeting and decision commands, and the permission each needs (minnesanteckningar: writing or approving). */
  const COMMAND_ACTIONS: Record<string, readonly Action[]> = {
    möte: ['leadMeeting'],
    sammanställning: ['readInput'],
    avsluta: ['leadMeeting'],
    registrera: ['recordDecision'],
    ordförandebeslut: ['recordDecision'],
    minnesanteckningar: ['editMinutes', 'approveMinutes'],
    publicera: ['editMinutes'],
    exportera: ['export'],
    'årshjul ändra': ['editCycle'],
    synpunkter: ['takePart'],
  };

  it.each(Object.entries(USERS))('lists for %s exactly the meeting and decision commands the permission table allows, group by group', async (_name, aad) => {
    bot.connector.clear();
    await bot.post(personalMessage('hjälp', opts(aad)));
    const listed = listedCommands(cardTexts(bot.connector.cards()[0]));
    const user = await bot.running.repos.members.userContext(aad, []);
    const today = '2026-11-22';
    const inSection = new Set([...listed.entries()].filter(([g]) => g !== '*').flatMap(([, cs]) => [...cs]));
    const allowedSomewhere = new Set<string>();
    for (const m of user.memberships) {
      const org = bot.running.catalog.get(m.org)!;
      const group = org.groups.find((g) => g.id === m.group)!;
      const { terms } = await recordOf(bot.running.repos.groupState, org.id, group.id);
      const where = { org: org.id, group: group.id, terms, today };
      const sections = listed.get(group.shortName) ?? new Set<string>();
      for (const [command, actions] of Object.entries(COMMAND_ACTIONS)) {
        // Input is offered to the roster's members; a process leader outside the roster reads it in the brief instead.
        const allowed = actions.some((a) => mayIn(a, user, where)) && (command !== 'synpunkter' || m.roles.includes('member'));
        if (allowed) allowedSomewhere.add(command);
        // Section commands name the group: listed there exactly when allowed there (the export and årshjul edit are general).
        if (inSection.has(command)) expect([group.shortName, command, sections.has(command)]).toEqual([group.shortName, command, allowed]);
      }
    }
    // The general list offers a command only to someone allowed it in some group; every allowed command is listed somewhere.
    const everywhere = new Set([...listed.values()].flatMap((cs) => [...cs]));
    const general = [...(listed.get('*') ?? [])].filter((c) => c in COMMAND_ACTIONS && user.memberships.length > 0);
    expect(general.filter((c) => !allowedSomewhere.has(c))).toEqual([]);
    expect([...allowedSomewhere].filter((c) => !everywhere.has(c))).toEqual([]);
  });
});

describe('the appoint form follows the chosen post', () => {
  const inputsOf = (card: Record<string, unknown>): Partial<ReturnType<typeof cardInputs>> => cardInputs(card);
  async function form(command: string) {
    bot.connector.clear();
    await bot.post(personalMessage(command, opts(USERS.processLeaderLgs)));
    const card = bot.connector.cards().at(-1)!;
    const inputs = inputsOf(card);
    return { card, role: inputs.role?.value, dates: [inputs.start?.value, inputs.end?.value] };
  }

  it("gives the vice chair's next open term once the next chair is appointed, and a button to switch post", async () => {
    const chairForm = await form('utse LGS');
    expect([chairForm.role, chairForm.dates]).toEqual(['chair', ['2027-01-01', '2028-12-31']]);
    expect(cardActions(chairForm.card)[1]).toEqual(['Utse vice ordförande i stället', { verb: 'command', command: 'utse goteborgsomradet/lgs vice' }]);
    const [, data] = cardActions(chairForm.card)[0];
    await bot.post(
      actionSubmit(
        { ...(data as object), role: 'chair', holder: USERS.memberKommun, origin: 'rotation', start: '2027-01-01', end: '2028-12-31', exceptionReason: '' },
        opts(USERS.processLeaderLgs),
      ),
    );
    expect(bot.connector.texts()[0]).toBe('Ordförande i LGS: Ledamot kommun (demo), 2027-01-01 – 2028-12-31. Registrerat.');

    const afterChair = await form('utse LGS');
    expect([afterChair.role, afterChair.dates]).toEqual(['chair', ['2029-01-01', '2030-12-31']]);
    const viceForm = await form('utse LGS vice');
    expect([viceForm.role, viceForm.dates]).toEqual(['viceChair', ['2027-01-01', '2028-12-31']]);
    expect(cardActions(viceForm.card)[1]).toEqual(['Utse ordförande i stället', { verb: 'command', command: 'utse goteborgsomradet/lgs' }]);
  });
});
