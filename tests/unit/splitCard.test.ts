import { card, splitCard, textBlock } from '../../src/cards/adaptive';

/** A long read-only card (the brief) is split so each part fits one Teams message. */
describe('splitCard', () => {
  const button = { type: 'Action.Submit', title: 'OK', data: {} };

  it('returns a card that fits as it is', () => {
    const small = card('sv', 'Rubrik', [textBlock('a')], [button]);
    expect(splitCard(small)).toEqual([small]);
  });

  it('splits in body order with the heading numbered and the buttons on the last part only', () => {
    const big = card(
      'sv',
      'Rubrik',
      ['a', 'b', 'c'].map((x) => textBlock(x.repeat(400))),
      [button],
    );
    const parts = splitCard(big, 1_300);
    expect(parts.map((p) => p.body.map((e) => String(e.text).slice(0, 12)))).toEqual([
      ['Rubrik (1/3)', 'aaaaaaaaaaaa'],
      ['Rubrik (2/3)', 'bbbbbbbbbbbb'],
      ['Rubrik (3/3)', 'cccccccccccc'],
    ]);
    expect(parts.map((p) => p.actions?.length ?? 0)).toEqual([0, 0, 1]);
    for (const p of parts) expect(Buffer.byteLength(JSON.stringify(p))).toBeLessThanOrEqual(1_300);
  });
});
