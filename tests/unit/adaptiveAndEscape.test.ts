import { card, commandButton, facts, heading, textBlock } from '../../src/cards/adaptive';
import { mentionName, plain } from '../../src/cards/escape';

describe('adaptive card building blocks', () => {
  it('puts the title first as a heading and uses it for screen readers', () => {
    expect(card('sv', 'Rubrik', [textBlock('Text')], [commandButton('Visa', 'grupper')])).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      lang: 'sv-SE',
      body: [
        { type: 'TextBlock', text: 'Rubrik', style: 'heading', size: 'Large', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: 'Text', wrap: true },
      ],
      actions: [{ type: 'Action.Submit', title: 'Visa', data: { verb: 'command', command: 'grupper' } }],
      fallbackText: 'Rubrik',
      speak: 'Rubrik',
    });
  });

  it('leaves out an empty action list and marks English cards en-US', () => {
    const c = card('en', 'Title', []);
    expect(c.lang).toBe('en-US');
    expect('actions' in c).toBe(false);
    expect(c.body).toEqual([heading('Title')]);
  });

  it('builds facts in order and lets a text block take extra properties', () => {
    expect(
      facts([
        ['Grupp', 'LGS'],
        ['Sista dag', '2027-05-31'],
      ]),
    ).toEqual({
      type: 'FactSet',
      facts: [
        { title: 'Grupp', value: 'LGS' },
        { title: 'Sista dag', value: '2027-05-31' },
      ],
    });
    expect(textBlock('Liten', { isSubtle: true, size: 'Small' })).toEqual({ type: 'TextBlock', text: 'Liten', wrap: true, isSubtle: true, size: 'Small' });
  });
});

describe('plain: user text shown literally', () => {
  it('escapes markdown emphasis, code, links, strikethrough and angle brackets', () => {
    expect(plain('*a* _b_ `c` [d](e) ~f~ <g> \\')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\~f\\~ \\<g\\> \\\\');
  });

  it('stops a line from becoming a numbered list, a bullet or a heading, on every line', () => {
    expect(plain('1. Första\n  - punkt\n+ plus\n# Rubrik')).toBe('1\\. Första\n  \\- punkt\n\\+ plus\n\\# Rubrik');
  });

  it('leaves ordinary Swedish text, parentheses and mid-line dashes as they are', () => {
    expect(plain('Närhälsan (VGPV) – möte 2. december, 10-12')).toBe('Närhälsan (VGPV) – möte 2. december, 10-12');
  });
});

describe('mentionName: a name inside <at>…</at>', () => {
  it('removes what could close the mention or start another', () => {
    expect(mentionName('Anna</at><at>Bo & Co')).toBe('Anna/atatBo Co');
  });

  it('collapses white space, trims, caps at 100 characters and never returns an empty name', () => {
    expect(mentionName('  Anna \n  Svensson ')).toBe('Anna Svensson');
    expect(mentionName('x'.repeat(150))).toBe('x'.repeat(100));
    expect(mentionName('<>&')).toBe('?');
  });
});
