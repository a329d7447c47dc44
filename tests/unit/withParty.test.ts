import { withParty } from '../../src/cards/withParty';

describe('a name with its party', () => {
  it('wraps a plain party name in parentheses and separates one that has its own, never nesting them', () => {
    expect(withParty('Anna', 'Kommunerna')).toBe('Anna (Kommunerna)');
    expect(withParty('Ordförande LGS (demo)', 'Närhälsan (VGPV)')).toBe('Ordförande LGS (demo), Närhälsan (VGPV)');
    expect(withParty('Ledamot – LGS', 'Närhälsan (VGPV)')).toBe('Ledamot – LGS, Närhälsan (VGPV)');
    expect([withParty('Anna', null), withParty('Anna', '')]).toEqual(['Anna', 'Anna']);
  });
});
