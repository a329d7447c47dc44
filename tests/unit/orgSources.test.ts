import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Organisation } from '../../src/domain/organisation';
import { GBG, SAMLA } from '../helpers/shippedOrgs';

/**
 * Every rule in the shipped organisation files names its source, and every quote it shows users
 * stands verbatim in that seed text (orgs/sources/, copied from the public documents). Only
 * whitespace is normalised. " … " marks words left out; "(002, 2022)" after a passage says which
 * seed (and year) that passage comes from.
 */
const SOURCES = path.resolve(__dirname, '..', '..', 'orgs', 'sources');
const seeds = new Map(
  readdirSync(SOURCES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f.slice(0, 3), readFileSync(path.join(SOURCES, f), 'utf8').replace(/\s+/g, ' ')] as const),
);

/** The passages of a quote, each with the seeds it may come from. */
function passages(quote: string, source: string): { text: string; from: string[] }[] {
  const named = source.split(',').map((s) => s.trim());
  return quote
    .split(/\s…\s?/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const m = /^(.*?)\s*\((\d{3})(?:, \d{4})?\)$/.exec(p);
      return m === null ? { text: p, from: named } : { text: m[1], from: [m[2]] };
    });
}

/** Every quote an organisation file claims, with the rule it belongs to and its source. */
function claims(org: Organisation): { rule: string; quote: string; source: string }[] {
  const out: { rule: string; quote: string; source: string }[] = [];
  if (org.decisionRule !== null) out.push({ rule: 'decisionRule', ...org.decisionRule });
  for (const g of org.groups) {
    if (g.chairRule !== null) out.push({ rule: `${g.id}.chairRule`, quote: g.chairRule.quote.sv, source: g.chairRule.source });
    if (g.deputies !== null) out.push({ rule: `${g.id}.deputies`, ...g.deputies });
    if (g.meetings !== null) out.push({ rule: `${g.id}.meetings`, quote: g.meetings.quote ?? '', source: g.meetings.source ?? '' });
  }
  for (const c of org.annualCycle) out.push({ rule: `annualCycle.${c.id}`, quote: c.quote ?? '', source: c.source });
  return out;
}

describe.each([
  ['goteborgsomradet', GBG],
  ['samla', SAMLA],
])('the sources of %s', (_, org) => {
  it('has the five seed texts in the repository', () => {
    expect([...seeds.keys()].sort()).toEqual(['000', '001', '002', '003', '004']);
  });

  it.each(claims(org).map((c) => [c.rule, c] as const))('%s quotes its seed verbatim', (_rule, c) => {
    expect(c.source).toMatch(/^\d{3}(, \d{3})*$/);
    expect(c.quote).not.toBe('');
    for (const p of passages(c.quote, c.source)) {
      const found = p.from.filter((id) => seeds.get(id)?.includes(p.text.replace(/\s+/g, ' ')));
      expect({ passage: p.text, foundIn: found.length > 0 }).toEqual({ passage: p.text, foundIn: true });
    }
  });

  it('marks every yearly date as a proposal or gives it a quote that holds the date', () => {
    const dated = org.annualCycle.filter((c) => ['yearly', 'half-yearly', 'quarterly', 'quarter-end', 'after-each-meeting'].includes(c.schedule.kind));
    expect(dated.filter((c) => c.status !== 'proposal').map((c) => c.id)).toEqual([]);
  });

  it('chooses the report cadence as a förslag unless a seed gives it', () => {
    expect(org.reportCadenceSource).toBe('förslag');
  });
});

describe('the checker itself', () => {
  it('refuses a quote whose words are not in its seed', () => {
    const p = passages('Ordförandeskapet roterar varje år.', '000');
    expect(p.every((x) => x.from.some((id) => seeds.get(id)?.includes(x.text)))).toBe(false);
  });

  it('checks a passage marked "(002, 2022)" against 002 only', () => {
    expect(passages('NOSAM utser ordförande inom sig, det ska varvas mellan kommun/region. (002, 2022)', '000, 002')).toEqual([
      { text: 'NOSAM utser ordförande inom sig, det ska varvas mellan kommun/region.', from: ['002'] },
    ]);
  });
});
