import { newDecision, searchDecisions, type DecisionDraft } from '../../src/domain/decisions';
import { closestWords, editDistance, foldName } from '../../src/domain/names';
import { findGroups, findParties } from '../../src/domain/organisation';
import { GBG } from '../helpers/shippedOrgs';

const ids = (query: string) => findGroups(GBG, query).map((g) => g.id);

describe('group names as people say them (Göteborgsområdet)', () => {
  it.each([
    ['hisingen', ['nosam-hisingen']],
    ['äldre', ['tema-aldre']],
    ['aldre', ['tema-aldre']],
    ['temagrupp aldre', ['tema-aldre']],
    ['Ledningsgruppen för samverkan', ['lgs']],
    ['ledningsgruppen for samverkan', ['lgs']],
    ['lgs', ['lgs']],
    ['LGS styrgrupp', ['lgs-styrgrupp']],
    ['nosam ockero', ['nosam-ockero']],
    ['öckerö', ['nosam-ockero']],
    ['beredningsgrupp äldre', ['tema-aldre-beredning']],
    ['tema-aldre', ['tema-aldre']],
    ['Styrelsen', []],
  ])('"%s" names %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('gives every group a word that fits more than one group back as ambiguous', () => {
    expect(ids('nosam').length).toBe(8);
  });

  it('finds parties with or without å/ä/ö and without the parenthesis', () => {
    for (const q of ['Närhälsan', 'narhalsan', 'NÄRHÄLSAN (VGPV)', 'narhalsan vgpv']) expect(findParties(GBG, q).map((p) => p.id)).toEqual(['narhalsan']);
  });
});

describe('folding and distance', () => {
  it('folds case, å/ä/ö and punctuation', () => {
    expect(foldName('  Temagrupp – Äldre (ÖVO) ')).toBe('temagrupp aldre ovo');
  });

  it('counts edits', () => {
    expect([editDistance('hjälp', 'hjälp'), editDistance('hjalp', 'hjälp'), editDistance('moten', 'möten'), editDistance('kitten', 'sitting')]).toEqual([0, 1, 1, 3]);
  });

  it('suggests the closest command words, nothing for what is far from all', () => {
    const words = ['hjälp', 'grupper', 'möten', 'möte', 'beslut', 'årshjul'];
    expect(closestWords('grupepr', words)).toEqual(['grupper']);
    expect(closestWords('besult', words)).toEqual(['beslut']);
    expect(closestWords('xyz', words)).toEqual([]);
  });
});

describe('decision search ignores å/ä/ö', () => {
  const draft: DecisionDraft = {
    date: '2026-12-08',
    kind: 'beslut',
    consensus: true,
    outcome: 'enighet',
    title: 'Trygg hemgång',
    text: 'Rutinen för hemgång fastställs',
    rationale: '',
    meetingId: 'm1',
    itemId: 'i1',
    absentInputAtHand: false,
    links: [],
    forankring: ['kommun'],
  };
  const d = newDecision(draft, { org: 'o', group: 'lgs', shortName: 'LGS', year: 2026, seq: 3, by: 'u1', now: '2026-12-08T15:00:00Z' });

  it.each(['hemgang', 'HEMGÅNG', 'trygg hemgang'])('"%s" finds "Trygg hemgång"', (q) => {
    expect(searchDecisions([d], q.split(' '), null).map((x) => x.number)).toEqual(['LGS 2026:3']);
  });
});
