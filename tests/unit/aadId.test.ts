import { aadObjectIdSchema, isAadObjectId } from '../../src/domain/aadId';

describe('AAD object ids', () => {
  const real = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
  const playground = '00000000-0000-0000-0000-0000000000020';

  it('accepts a real GUID in either mode and in either case', () => {
    expect([isAadObjectId(real, 'strict'), isAadObjectId(real.toUpperCase(), 'strict'), isAadObjectId(real, 'local')]).toEqual([true, true, true]);
  });

  it("accepts the Playground's 13-digit ids only in local mode", () => {
    expect([isAadObjectId(playground, 'strict'), isAadObjectId(playground, 'local')]).toEqual([false, true]);
  });

  it('refuses 36 dashes, a GUID without dashes, braces and non-hex digits, in both modes', () => {
    for (const bad of ['-'.repeat(36), real.replace(/-/g, ''), `{${real}}`, real.replace('3f', 'zz'), `${real}0ab`])
      expect([bad, isAadObjectId(bad, 'local'), isAadObjectId(bad, 'strict')]).toEqual([bad, false, false]);
  });

  it('gives the Swedish message when a value is refused', () => {
    const r = aadObjectIdSchema('strict').safeParse(playground);
    expect(r.success ? null : r.error.issues.map((i) => i.message)).toEqual(['ska vara ett AAD-objekt-id (GUID)']);
  });
});
