import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDemoFile, parseOrganisationFile, readOrgDirectory } from '../../src/config/orgFiles';
import type { FileProblem } from '../../src/config/yamlFile';
import { findGroup, GROUP_KINDS, normalizeName, principalOfParty, type Group, type Organisation } from '../../src/domain/organisation';

/**
 * The shipped organisation files (orgs/*.yaml, orgs/demo/demo.yaml) and how broken files are
 * refused: with the file, the line, the path and a reason an editor can act on.
 */

const ROOT = path.resolve(__dirname, '..', '..');
/** A repo path relative to the working directory, as the loader reports it ("orgs/x.yaml"). */
const rel = (p: string): string => path.relative(process.cwd(), path.join(ROOT, p));
const FIXTURES = 'tests/fixtures/orgs';

function loadOrg(file: string): Organisation {
  const parsed = parseOrganisationFile(rel(file), readFileSync(path.join(ROOT, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} refused: ${JSON.stringify(parsed.problems, null, 2)}`);
  return parsed.value;
}

function problemsOf(file: string): FileProblem[] {
  const parsed = parseOrganisationFile(rel(file), readFileSync(path.join(ROOT, file), 'utf8'));
  if (parsed.ok) throw new Error(`${file} was accepted but should be refused`);
  return parsed.problems;
}

function group(org: Organisation, id: string): Group {
  const g = org.groups.find((x) => x.id === id);
  if (g === undefined) throw new Error(`no group ${id} in ${org.id}`);
  return g;
}

function kindCounts(org: Organisation): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(GROUP_KINDS.map((k) => [k, 0]));
  for (const g of org.groups) counts[g.kind] = (counts[g.kind] ?? 0) + 1;
  return counts;
}

function partyPrincipals(org: Organisation): Record<string, string> {
  return Object.fromEntries(org.parties.map((p) => [p.id, p.principal]));
}

const NOSAM_IDS = ['nosam-sydvast', 'nosam-hisingen', 'nosam-nordost', 'nosam-centrum', 'nosam-partille', 'nosam-harryda', 'nosam-molndal', 'nosam-ockero'];
const TEMA_IDS = ['tema-barn-och-unga', 'tema-psykiatri', 'tema-rehab-hab', 'tema-aldre'];

describe('orgs/goteborgsomradet.yaml', () => {
  const org = loadOrg('orgs/goteborgsomradet.yaml');

  it('is Göteborgsområdet with next-weekday deadlines in Stockholm time', () => {
    expect(org.id).toBe('goteborgsomradet');
    expect(org.shortName).toBe('Göteborgsområdet');
    expect(org.timeZone).toBe('Europe/Stockholm');
    expect(org.deadlineShift).toBe('next-weekday');
  });

  it('has the two principals kommun and region', () => {
    expect(org.principals).toEqual([
      { id: 'kommun', name: { sv: 'Kommun', en: 'Municipality' } },
      { id: 'region', name: { sv: 'Region (Västra Götalandsregionen)', en: 'Region (Region Västra Götaland)' } },
    ]);
  });

  it('has every party of the seeds, each with its principal', () => {
    expect(partyPrincipals(org)).toEqual({
      'goteborgs-stad': 'kommun',
      'goteborg-ifo': 'kommun',
      'goteborg-avo': 'kommun',
      'goteborg-fss': 'kommun',
      'goteborg-grundskola': 'kommun',
      molndal: 'kommun',
      harryda: 'kommun',
      partille: 'kommun',
      ockero: 'kommun',
      gr: 'kommun',
      su: 'region',
      'sjukhusen-i-vaster': 'region',
      'habilitering-och-halsa': 'region',
      allmantandvarden: 'region',
      regionhalsan: 'region',
      narhalsan: 'region',
      'privata-vardcentraler': 'region',
      koncernkontoret: 'region',
      'delregional-namnd-goteborg': 'region',
      'delregional-namnd-vastra': 'region',
    });
    expect(principalOfParty(org, 'privata-vardcentraler')?.id).toBe('region');
    expect(principalOfParty(org, 'goteborg-avo')?.name.sv).toBe('Kommun');
    // 003: "Tandvårdschef, Allmäntandvården, VGR" – the document's name, not "Folktandvården".
    expect(org.parties.find((p) => p.id === 'allmantandvarden')?.name).toBe('Allmäntandvården, VGR');
  });

  it('has 21 groups: 2 political, 1 strategic, 5 steering, 4 theme, 8 NOSAM, 1 working', () => {
    expect(org.groups).toHaveLength(21);
    expect(kindCounts(org)).toEqual({
      political: 2,
      strategic: 1,
      steering: 5,
      theme: 4,
      nosam: 8,
      coordination: 0,
      working: 1,
    });
    expect(org.groups.map((g) => g.id)).toEqual([
      'politiskt-samrad',
      'politiskt-presidium',
      'lgs',
      'lgs-styrgrupp',
      'ug-samsa',
      ...TEMA_IDS,
      'tema-barn-och-unga-beredning',
      'tema-psykiatri-beredning',
      'tema-rehab-hab-beredning',
      'tema-aldre-beredning',
      ...NOSAM_IDS,
    ]);
  });

  it('names the 8 NOSAM as users type them, and findGroup finds them by short name', () => {
    expect(org.groups.filter((g) => g.kind === 'nosam').map((g) => g.shortName)).toEqual([
      'NOSAM Sydväst',
      'NOSAM Hisingen',
      'NOSAM Nordost',
      'NOSAM Centrum',
      'NOSAM Partille',
      'NOSAM Härryda',
      'NOSAM Mölndal',
      'NOSAM Öckerö',
    ]);
    expect(findGroup(org, 'nosam hisingen')?.id).toBe('nosam-hisingen');
    expect(findGroup(org, 'NOSAM Öckerö')?.id).toBe('nosam-ockero');
    expect(findGroup(org, 'lgs')?.shortName).toBe('LGS');
    expect(findGroup(org, 'Temagrupp Äldre')?.id).toBe('tema-aldre');
  });

  it('has no two groups a user could confuse by name (as findGroup compares names)', () => {
    const owner = new Map<string, string>();
    for (const g of org.groups)
      for (const n of [g.id, g.shortName, g.name].map(normalizeName)) {
        expect([g.id, undefined]).toContain(owner.get(n));
        owner.set(n, g.id);
      }
  });

  it('gives LGS a 2-year chair that follows politiskt samråd, vice from the other principal (000)', () => {
    const lgs = group(org, 'lgs');
    expect(lgs.kind).toBe('strategic');
    expect(lgs.parent).toBe('politiskt-samrad');
    // 000: "Mötesfrekvens minst fyra gånger/år." – a binding minimum.
    expect(lgs.meetings).toEqual({ kind: 'minimum', min: 4, max: null, per: 'year', quote: 'Mötesfrekvens minst fyra gånger/år.', source: '000' });
    // 000: "ersättare utses inte".
    expect(lgs.deputies).toMatchObject({ appointed: false, source: '000' });
    expect(lgs.processLeaderRole).toBe('Processledare LGS och politiskt samråd');
    expect(lgs.chairRule).toMatchObject({
      termMonths: 24,
      principal: { kind: 'follow', group: 'politiskt-samrad' },
      rotateAmongParties: false,
      vice: 'other-principal',
      extensionByConsensus: false,
      replacementByLeavingPrincipal: true,
      appointment: 'any-meeting',
      appointedBy: { kind: 'group' },
      source: '000',
    });
    expect(lgs.chairRule?.quote.sv).toContain('i samklang med ordförandeskapet för politiska samrådet');
    expect(lgs.chairRule?.quote.en).toContain('in step with the chairmanship of the political consultation');
  });

  it('lets politiskt samråd alternate kommun/region with no term length, meet LGS 1–2 times a year as guidance, with deputies (000, 004)', () => {
    const samrad = group(org, 'politiskt-samrad');
    expect(samrad.kind).toBe('political');
    expect(samrad.parent).toBeNull();
    // 000: "via gemensamma möten en till två gånger per år" – guidance, never "ska ha minst".
    expect(samrad.meetings).toMatchObject({ kind: 'guidance', min: 1, max: 2, per: 'year' });
    // 004: "Politiskt samråd – består av ordförande och ersättare från berörda nämnder och styrelser".
    expect(samrad.deputies).toMatchObject({ appointed: true, source: '004' });
    // No term length in the seeds: a term lasts until the next chair is recorded.
    expect(samrad.chairRule).toMatchObject({
      termMonths: null,
      principal: { kind: 'alternate' },
      rotateAmongParties: false,
      vice: 'other-principal',
    });
    expect(group(org, 'politiskt-presidium')).toMatchObject({ kind: 'political', parent: 'politiskt-samrad', chairRule: null });
  });

  it('gives the LGS styrgrupp no chair rule of its own and "cirka sex-åtta gånger/år" as guidance (000)', () => {
    expect(group(org, 'lgs-styrgrupp')).toMatchObject({
      shortName: 'LGS styrgrupp',
      kind: 'steering',
      parent: 'lgs',
      meetings: { kind: 'guidance', min: 6, max: 8, per: 'year', quote: 'Mötesfrekvens cirka sex-åtta gånger/år.' },
      chairRule: null,
      processLeaderRole: 'Processledare LGS och politiskt samråd',
    });
    expect(group(org, 'ug-samsa')).toMatchObject({ kind: 'working', parent: 'lgs', shortName: 'UG SAMSA' });
  });

  it('rotates each temagrupp chair among the parties every 18 months, extendable by consensus (000)', () => {
    for (const id of TEMA_IDS) {
      const g = group(org, id);
      expect(g.kind).toBe('theme');
      expect(g.parent).toBe('lgs');
      expect(g.meetings).toBeNull();
      expect(g.chairRule).toMatchObject({
        termMonths: 18,
        principal: { kind: 'any' },
        rotateAmongParties: true,
        vice: 'optional',
        extensionByConsensus: true,
        replacementByLeavingPrincipal: true,
        appointment: 'any-meeting',
        appointedBy: { kind: 'group' },
        source: '000',
      });
      expect(g.chairRule?.quote.sv).toContain('var 18:e månad');
      expect(group(org, `${id}-beredning`)).toMatchObject({ kind: 'steering', parent: id, chairRule: null });
    }
    expect(group(org, 'tema-aldre').shortName).toBe('Temagrupp Äldre');
  });

  it('alternates each NOSAM chair kommun/region with no term length or new-year start; meetings by local need (000, 002)', () => {
    for (const id of NOSAM_IDS) {
      const g = group(org, id);
      expect(g.parent).toBe('lgs');
      // 000 (2025): "Mötesfrekvens utifrån lokala behov" supersedes 002's "minst två gånger/år" (2022).
      expect(g.meetings).toBeNull();
      // 000: "Ersättare utses inte."
      expect(g.deputies).toMatchObject({ appointed: false, quote: 'Samverkan är en pågående process och kontinuitet är viktigt. Ersättare utses inte.' });
      expect(g.chairRule).toMatchObject({
        termMonths: null,
        principal: { kind: 'alternate' },
        rotateAmongParties: true,
        vice: 'optional',
        extensionByConsensus: false,
        replacementByLeavingPrincipal: true,
        appointment: 'any-meeting',
        appointedBy: { kind: 'group' },
        source: '000, 002',
      });
      expect(g.chairRule?.quote.sv).toContain('det ska varvas mellan kommun/region. (002, 2022)');
      expect(g.chairRule?.quote.sv).not.toContain('Sista NOSAM');
    }
  });

  it('shares NOSAM process leaders in the four pairs of 002, both ways', () => {
    const shared = Object.fromEntries(org.groups.filter((g) => g.kind === 'nosam').map((g) => [g.id, [...g.processLeaderSharedWith]]));
    expect(shared).toEqual({
      'nosam-hisingen': ['nosam-ockero'],
      'nosam-ockero': ['nosam-hisingen'],
      'nosam-nordost': ['nosam-partille'],
      'nosam-partille': ['nosam-nordost'],
      'nosam-centrum': ['nosam-harryda'],
      'nosam-harryda': ['nosam-centrum'],
      'nosam-sydvast': ['nosam-molndal'],
      'nosam-molndal': ['nosam-sydvast'],
    });
    expect(group(org, 'nosam-hisingen').processLeaderRole).toBe('Processledare NOSAM Hisingen och Öckerö');
    expect(group(org, 'nosam-ockero').processLeaderRole).toBe('Processledare NOSAM Hisingen och Öckerö');
    expect(group(org, 'nosam-sydvast').processLeaderRole).toBe('Processledare NOSAM Sydväst och Mölndal');
  });

  it('shares process leaders symmetrically everywhere in the file', () => {
    for (const g of org.groups)
      for (const other of g.processLeaderSharedWith) {
        expect(other).not.toBe(g.id);
        expect(group(org, other).processLeaderSharedWith).toContain(g.id);
        expect(group(org, other).processLeaderRole).toBe(g.processLeaderRole);
      }
    expect(group(org, 'lgs').processLeaderSharedWith).toEqual(['politiskt-samrad', 'lgs-styrgrupp']);
  });

  it('has the årshjul of 000, 002, 003 and 004', () => {
    expect(org.annualCycle.map((c) => c.id)).toEqual([
      'arsrapport-till-lgs',
      'lgs-arsrapport',
      'nosam-handlingsplan',
      'temagrupp-handlingsplan',
      'lgs-handlingsplan-uppfoljning',
      'kvartalsrapport',
      'halvarsrapport',
      'minnesanteckningar-publiceras',
      'ordforandeperiod-slutar',
      'motesminimum',
      'nosam-ordforande-moter-lgs-styrgrupp',
      'gemensamt-mote-lgs-politiskt-samrad',
    ]);
    const item = (id: string) => org.annualCycle.find((c) => c.id === id)!;
    expect(item('arsrapport-till-lgs').appliesTo).toEqual({ kinds: ['theme', 'nosam'], groups: [] });
    expect(item('nosam-handlingsplan')).toMatchObject({
      appliesTo: { kinds: ['nosam'], groups: [] },
      schedule: { kind: 'yearly', month: 3, day: 1 },
      // 002's "2023-03-01" was a launch milestone: the yearly date is a proposal.
      status: 'proposal',
      source: '002',
    });
    // 000: "kvartals- och halvårsvisa information/rapporter": one cadence per kind, chosen by the organisation.
    expect(item('kvartalsrapport').cadence).toBe('quarterly');
    expect(item('halvarsrapport').cadence).toBe('half-yearly');
    expect(org.reportCadence).toEqual({ theme: 'half-yearly', nosam: 'half-yearly', working: 'half-yearly' });
    expect(org.reportCadenceSource).toBe('förslag');
    // 000: "Om enighet inte uppnås i en fråga ska ärendet återremitteras för förnyad beredning eller strykas."
    expect(org.decisionRule).toMatchObject({ kind: 'consensus-or-return', source: '000' });
    expect(item('kvartalsrapport').schedule).toEqual({ kind: 'quarter-end' });
    expect(item('halvarsrapport').schedule.kind).toBe('half-yearly');
    expect(item('minnesanteckningar-publiceras').schedule).toEqual({ kind: 'after-each-meeting', days: 14 });
    expect(item('ordforandeperiod-slutar')).toMatchObject({ schedule: { kind: 'term-end' }, remindDaysBefore: [90, 30, 7] });
    expect(item('motesminimum').schedule).toEqual({ kind: 'meeting-minimum' });
    expect(item('nosam-ordforande-moter-lgs-styrgrupp').appliesTo).toEqual({
      kinds: ['nosam', 'theme'],
      groups: ['lgs-styrgrupp'],
    });
    expect(item('gemensamt-mote-lgs-politiskt-samrad').appliesTo.groups).toEqual(['lgs', 'politiskt-samrad']);
    // Defaults from the schema where the file does not say.
    expect(item('arsrapport-till-lgs').remindDaysBefore).toEqual([30, 14, 3]);
  });
});

describe('orgs/samla.yaml', () => {
  const org = loadOrg('orgs/samla.yaml');

  it('is SAMLA with the same two principals', () => {
    expect(org.id).toBe('samla');
    expect(org.shortName).toBe('SAMLA');
    expect(org.deadlineShift).toBe('next-weekday');
    expect(org.principals.map((p) => [p.id, p.name.sv])).toEqual([
      ['kommun', 'Kommun'],
      ['region', 'Region (Västra Götalandsregionen)'],
    ]);
  });

  it('has every organisation of 001, each with its principal', () => {
    expect(partyPrincipals(org)).toEqual({
      alingsas: 'kommun',
      lerum: 'kommun',
      gr: 'kommun',
      'delregional-namnd-vastra': 'region',
      'offentliga-vardcentraler': 'region',
      'privata-vardcentraler': 'region',
      regionhalsan: 'region',
      'habilitering-och-halsa': 'region',
      tandvarden: 'region',
      'sjukhusen-i-vaster': 'region',
      sas: 'region',
    });
  });

  it('has 5 groups: the political group, the samordningsgrupp, its AU and NOSAM Lerum and Alingsås', () => {
    expect(kindCounts(org)).toEqual({
      political: 1,
      strategic: 0,
      steering: 1,
      theme: 0,
      nosam: 2,
      coordination: 1,
      working: 0,
    });
    expect(org.groups.map((g) => [g.id, g.shortName, g.parent])).toEqual([
      ['samla-politisk-samradsgrupp', 'SAMLA politisk samrådsgrupp', null],
      ['samla-samordningsgrupp', 'SAMLA Samordningsgrupp', 'samla-politisk-samradsgrupp'],
      ['samla-au', 'SAMLA AU', 'samla-samordningsgrupp'],
      ['nosam-lerum', 'NOSAM Lerum', 'samla-samordningsgrupp'],
      ['nosam-alingsas', 'NOSAM Alingsås', 'samla-samordningsgrupp'],
    ]);
  });

  it('gives the samordningsgrupp a 1-year chair following the political group, vice from the other principal, meetings as guidance (001)', () => {
    const g = group(org, 'samla-samordningsgrupp');
    expect(g.kind).toBe('coordination');
    // 001: "cirka 2–3 gånger per halvår" – guidance.
    expect(g.meetings).toMatchObject({ kind: 'guidance', min: 2, max: 3, per: 'half-year' });
    // 001: "kan representanterna inte utse ersättare vid frånvaro."
    expect(g.deputies).toMatchObject({ appointed: false, source: '001' });
    expect(g.processLeaderRole).toBe('Processledare SAMLA');
    expect(g.chairRule).toMatchObject({
      termMonths: 12,
      principal: { kind: 'follow', group: 'samla-politisk-samradsgrupp' },
      rotateAmongParties: false,
      vice: 'other-principal',
      source: '001',
    });
    expect(g.chairRule?.quote.sv).toContain('följer samma huvudman som ordförandeskapet i den politiska samrådsgruppen');
    // 001 gives the political group no term length.
    expect(group(org, 'samla-politisk-samradsgrupp').chairRule).toMatchObject({
      termMonths: null,
      principal: { kind: 'alternate' },
    });
  });

  it('has the SAMLA årshjul of 001', () => {
    expect(org.annualCycle.map((c) => [c.id, c.schedule.kind])).toEqual([
      ['samla-aktivitetsplan', 'yearly'],
      ['nosam-aktivitetsplan', 'yearly'],
      ['samla-arsrapport', 'yearly'],
      ['motesinformation-skickas', 'after-each-meeting'],
      ['ordforandeperiod-slutar', 'term-end'],
    ]);
    expect(org.annualCycle.every((c) => c.source === '001')).toBe(true);
    // 001: "Samordningsgruppen strävar efter att alla beslut fattas i bred enighet".
    expect(org.decisionRule).toMatchObject({ kind: 'broad-consensus', source: '001' });
  });
});

describe('both shipped organisations', () => {
  const orgs = [loadOrg('orgs/goteborgsomradet.yaml'), loadOrg('orgs/samla.yaml')];

  it('follow only groups that have a chair rule of their own, and never in a circle', () => {
    const followers: string[] = [];
    for (const org of orgs)
      for (const g of org.groups) {
        const seen = new Set<string>([g.id]);
        let rule = g.chairRule;
        if (rule?.principal.kind === 'follow') followers.push(`${org.id}/${g.id}`);
        while (rule?.principal.kind === 'follow') {
          const target = group(org, rule.principal.group);
          expect(seen.has(target.id)).toBe(false);
          seen.add(target.id);
          expect(target.chairRule).not.toBeNull();
          rule = target.chairRule;
        }
      }
    // The loop above checked something: the groups that follow another (000, 001).
    expect(followers).toEqual(['goteborgsomradet/lgs', 'samla/samla-samordningsgrupp']);
  });

  it('quote every chair rule in Swedish and English', () => {
    for (const org of orgs)
      for (const g of org.groups) {
        if (g.chairRule === null) continue;
        expect(g.chairRule.quote.sv.length).toBeGreaterThan(40);
        expect(g.chairRule.quote.en.length).toBeGreaterThan(40);
        expect(g.chairRule.quote.sv).not.toBe(g.chairRule.quote.en);
      }
  });
});

describe("readOrgDirectory('orgs', true)", () => {
  it('loads both organisations and the demo roles without problems', async () => {
    const dir = await readOrgDirectory(rel('orgs'), true);
    expect(dir.problems).toEqual([]);
    expect(dir.organisations.map((o) => o.id)).toEqual(['goteborgsomradet', 'samla']);
    const member = (group: string, party: string | null, role: 'member' | 'processLeader') => ({
      group,
      party,
      roles: [role],
    });
    expect(dir.demo?.terms.map((t) => `${t.group}:${t.role}:${t.party}:${t.start}–${t.end}`)).toEqual([
      'politiskt-samrad:chair:su:2025-01-01–2026-12-31',
      'lgs:chair:narhalsan:2025-01-01–2026-12-31',
      'lgs:viceChair:goteborg-avo:2025-01-01–2026-12-31',
      'nosam-hisingen:chair:goteborg-avo:2026-01-01–2026-12-31',
      'tema-aldre:chair:su:2025-07-01–2026-12-31',
    ]);
    expect({ people: dir.demo?.people }).toEqual({
      people: [
        {
          user: '00000000-0000-0000-0000-0000000000020',
          displayName: 'Administratör (demo)',
          org: 'goteborgsomradet',
          orgAdmin: true,
          memberships: [],
        },
        {
          user: '00000000-0000-0000-0000-0000000000020',
          displayName: 'Administratör (demo)',
          org: 'samla',
          orgAdmin: true,
          memberships: [],
        },
        {
          user: '00000000-0000-0000-0000-0000000000021',
          displayName: 'Processledare LGS (demo)',
          org: 'goteborgsomradet',
          orgAdmin: false,
          memberships: [member('lgs', null, 'processLeader'), member('lgs-styrgrupp', null, 'processLeader'), member('politiskt-samrad', null, 'processLeader')],
        },
        {
          user: '00000000-0000-0000-0000-0000000000022',
          displayName: 'Ordförande LGS (demo)',
          org: 'goteborgsomradet',
          orgAdmin: false,
          memberships: [member('lgs', 'narhalsan', 'member'), member('lgs-styrgrupp', 'narhalsan', 'member')],
        },
        {
          user: '00000000-0000-0000-0000-0000000000023',
          displayName: 'Ledamot kommun (demo)',
          org: 'goteborgsomradet',
          orgAdmin: false,
          memberships: [member('lgs', 'goteborg-avo', 'member'), member('nosam-hisingen', 'goteborg-avo', 'member')],
        },
        {
          user: '00000000-0000-0000-0000-0000000000024',
          displayName: 'Ledamot region (demo)',
          org: 'goteborgsomradet',
          orgAdmin: false,
          memberships: [member('lgs', 'su', 'member'), member('tema-aldre', 'su', 'member')],
        },
        {
          user: '00000000-0000-0000-0000-0000000000025',
          displayName: 'Processledare NOSAM Hisingen/Öckerö (demo)',
          org: 'goteborgsomradet',
          orgAdmin: false,
          memberships: [member('nosam-hisingen', null, 'processLeader'), member('nosam-ockero', null, 'processLeader')],
        },
      ],
    });
  });

  it('puts the demo party of each member on the principal the role name says', async () => {
    const dir = await readOrgDirectory(rel('orgs'), true);
    const gbg = dir.organisations.find((o) => o.id === 'goteborgsomradet')!;
    const principalOf = (displayName: string) => dir.demo!.people.find((p) => p.displayName === displayName)!.memberships.map((m) => principalOfParty(gbg, m.party!)?.id);
    expect(principalOf('Ledamot kommun (demo)')).toEqual(['kommun', 'kommun']);
    expect(principalOf('Ledamot region (demo)')).toEqual(['region', 'region']);
  });
});

describe('the language of channel posts (language: sv|en)', () => {
  const source = readFileSync(path.join(ROOT, 'orgs/goteborgsomradet.yaml'), 'utf8');
  const withLanguage = (value: string) => source.replace('timeZone: Europe/Stockholm\n', `timeZone: Europe/Stockholm\nlanguage: ${value}\n`);

  it('is Swedish unless the file says otherwise', () => {
    expect(loadOrg('orgs/goteborgsomradet.yaml').language).toBe('sv');
    const parsed = parseOrganisationFile('x.yaml', withLanguage('en'));
    expect(parsed.ok && parsed.value.language).toBe('en');
  });

  it('refuses a language other than sv or en, in Swedish, naming the line', () => {
    const parsed = parseOrganisationFile('x.yaml', withLanguage('fr'));
    expect(parsed.ok ? [] : parsed.problems).toEqual([{ file: 'x.yaml', line: 21, path: 'language', reason: 'ska vara en av: sv, en (inte "fr")' }]);
  });
});

describe('broken organisation files are refused with file, line, path and reason', () => {
  const broken = (name: string) => `${FIXTURES}/broken/${name}`;

  it('invalid YAML syntax', () => {
    expect(problemsOf(broken('invalid-yaml.yaml'))).toEqual([
      {
        file: rel(broken('invalid-yaml.yaml')),
        line: 9,
        path: '',
        reason: 'ogiltig YAML (kod BAD_INDENT): Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
    ]);
  });

  it('a party with an unknown principal', () => {
    expect(problemsOf(broken('unknown-principal.yaml'))).toEqual([
      { file: rel(broken('unknown-principal.yaml')), line: 16, path: 'parties.1.principal', reason: 'okänd huvudman "landsting"' },
    ]);
  });

  it('a duplicate group id', () => {
    expect(problemsOf(broken('duplicate-group.yaml'))).toEqual([
      { file: rel(broken('duplicate-group.yaml')), line: 18, path: 'groups.1.id', reason: 'id "ledning" förekommer mer än en gång' },
    ]);
  });

  it('a chair rule following an unknown group', () => {
    expect(problemsOf(broken('unknown-follow.yaml'))).toEqual([
      {
        file: rel(broken('unknown-follow.yaml')),
        line: 23,
        path: 'groups.0.chairRule.principal.group',
        reason: 'okänd grupp "politiskt-samrad"',
      },
    ]);
  });

  it('an unknown group kind', () => {
    expect(problemsOf(broken('unknown-kind.yaml'))).toEqual([
      {
        file: rel(broken('unknown-kind.yaml')),
        line: 16,
        path: 'groups.0.kind',
        reason: 'ska vara en av: political, strategic, steering, theme, nosam, coordination, working (inte "kommitte")',
      },
    ]);
  });

  it('a day that is not in the month (31 April)', () => {
    expect(problemsOf(broken('bad-date.yaml'))).toEqual([
      {
        file: rel(broken('bad-date.yaml')),
        line: 25,
        path: 'annualCycle.0.schedule.dates.0',
        reason: 'dagen finns inte i månaden',
      },
    ]);
  });

  it('a missing required key, pointing at the object that lacks it', () => {
    expect(problemsOf(broken('missing-key.yaml'))).toEqual([
      { file: rel(broken('missing-key.yaml')), line: 18, path: 'groups.1.shortName', reason: 'saknas (obligatorisk)' },
    ]);
  });

  it('demo data referring to an unknown group', () => {
    const good = loadOrg(`${FIXTURES}/good.yaml`);
    const file = broken('demo-unknown-group.yaml');
    const parsed = parseDemoFile(rel(file), readFileSync(path.join(ROOT, file), 'utf8'), [good]);
    expect(parsed).toEqual({
      ok: false,
      problems: [{ file: rel(file), line: 9, path: 'people.0.memberships.1.group', reason: 'okänd grupp "nosam-okand"' }],
    });
  });

  it('demo data is accepted against the organisation when the groups exist', () => {
    const good = loadOrg(`${FIXTURES}/good.yaml`);
    const source = readFileSync(path.join(ROOT, broken('demo-unknown-group.yaml')), 'utf8').replace('nosam-okand', 'samrad');
    const parsed = parseDemoFile('demo.yaml', source, [good]);
    expect(parsed.ok).toBe(true);
  });

  it('readOrgDirectory loads the good file and reports only the broken one', async () => {
    const dir = await readOrgDirectory(rel(`${FIXTURES}/mixed`), false);
    expect(dir.organisations.map((o) => o.id)).toEqual(['testorg']);
    expect(dir.organisations[0].groups.map((g) => g.id)).toEqual(['samrad', 'ledning']);
    expect(dir.demo).toBeNull();
    expect(dir.problems).toEqual([
      {
        file: path.join(rel(`${FIXTURES}/mixed`), 'b-broken.yaml'),
        line: 11,
        path: 'parties.0.principal',
        reason: 'okänd huvudman "landsting"',
      },
    ]);
  });
});

describe('reasons are Swedish and every date is checked', () => {
  const broken = (name: string) => `${FIXTURES}/broken/${name}`;

  test('an unknown kind and a missing key are explained in Swedish', () => {
    const reasons = [...problemsOf(broken('unknown-kind.yaml')), ...problemsOf(broken('missing-key.yaml'))].map((p) => p.reason);
    for (const r of reasons) expect(r).not.toMatch(/Invalid enum value|Required|Expected/);
  });

  test('a yearly date of 31 April is refused like a half-yearly one', () => {
    expect(problemsOf(broken('bad-yearly-date.yaml'))).toEqual([
      {
        file: rel(broken('bad-yearly-date.yaml')),
        line: 22,
        path: 'annualCycle.0.schedule',
        reason: 'dagen finns inte i månaden',
      },
    ]);
  });
});
