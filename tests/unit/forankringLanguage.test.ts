import type { OpenForankring } from '../../src/app/ports';
import { forankringMessages } from '../../src/scheduler/forankringMessages';
import { cardTexts } from '../helpers/cards';
import { GBG } from '../helpers/shippedOrgs';

/** Förankring reminders in each member's language, and in the organisation's when they fall back to the channel. */

const KOMMUN = '00000000-0000-4000-8000-00000000000a';
const OTHER_KOMMUN = '00000000-0000-4000-8000-00000000000b';
const open: OpenForankring = {
  group: 'lgs',
  year: 2026,
  seq: 1,
  number: 'LGS 2026:1',
  title: 'Gemensam rutin',
  text: 'Gruppen ställer sig bakom rutinen.',
  date: '2026-12-08',
  holder: 'kommun',
};
const member = (aadObjectId: string) => ({ aadObjectId, displayName: 'Ledamot', party: 'goteborg-ifo', roles: ['member' as const] });
const groups = new Map([['goteborgsomradet|lgs', { members: [member(KOMMUN), member(OTHER_KOMMUN)], terms: [], meetings: [] }]]);
const texts = (card: unknown) => cardTexts(card as Record<string, unknown>);

describe('förankring reminders', () => {
  it('goes to an English-speaking member in English and to a Swedish one in Swedish; the channel fallback is in the organisation language', () => {
    const out = forankringMessages([GBG], groups, new Map([['goteborgsomradet', [open]]]), new Date('2027-01-08T10:00:00Z'), (aad) => (aad === KOMMUN ? 'en' : 'sv'));
    const [english, swedish] = out;
    expect(out.map((o) => o.recipient)).toEqual([KOMMUN, OTHER_KOMMUN]);
    expect(texts('card' in english.message ? english.message.card : null)).toEqual([
      'Anchoring pending: LGS 2026:1',
      'Decision: LGS 2026:1 – Gemensam rutin',
      'Date: Tue, 8 Dec 2026',
      'To be anchored by: Municipality',
      'Gruppen ställer sig bakom rutinen.',
      'The decision needs to be taken formally in your organisation. Tell the group’s process leader when it is done, and the anchoring is recorded.',
    ]);
    expect(texts(english.channelMessage && 'card' in english.channelMessage ? english.channelMessage.card : null)[0]).toBe('Förankring väntar: LGS 2026:1');
    expect(texts('card' in swedish.message ? swedish.message.card : null)).toEqual([
      'Förankring väntar: LGS 2026:1',
      'Beslut: LGS 2026:1 – Gemensam rutin',
      'Datum: tis 8 dec. 2026',
      'Förankras hos: Kommun',
      'Gruppen ställer sig bakom rutinen.',
      'Beslutet behöver fattas formellt i din organisation. Meddela gruppens processledare när det är gjort, så registreras förankringen.',
    ]);
    // Same language as the organisation's: one message serves both.
    expect(swedish.channelMessage).toBeUndefined();
  });
});
