import { changeText } from '../../src/cards/meetingTexts';

describe('what a revision changed, in words', () => {
  it('names the changed fields as the form does, in Swedish', () => {
    const change = { kind: 'changed' as const, title: 'Årsrapport', fields: ['presenter', 'minutes', 'documents'] };
    expect(changeText(change, 'Europe/Stockholm', 'sv')).toBe('"Årsrapport" ändrad (föredragande, minuter, dokument)');
    expect(changeText(change, 'Europe/Stockholm', 'en')).toBe('"Årsrapport" changed (presenter, minutes, documents)');
  });
});
