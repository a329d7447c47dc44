import { writeFileSync } from 'node:fs';
import { personalMessage, USERS } from '../helpers/activities';
import { createMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/** `årshjul <grupp>` shows the year as a wheel: a PNG drawn on the server, behind a tokenised URL (issue 13). */
// pngjs has no bundled typings (and @types/pngjs is not installed); type what we use.
interface PngImage {
  width: number;
  height: number;
  data: Buffer;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as { PNG: { sync: { read(buffer: Buffer): PngImage } } };

const NOW = new Date('2026-11-22T10:00:00Z');
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => NOW });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
interface Image {
  type: string;
  url: string;
  altText: string;
}
const imageOf = (card: { body?: unknown[] }) => (card.body ?? []).find((e): e is Image => (e as Image).type === 'Image');

describe('the årshjul as a wheel', () => {
  it('puts the wheel in the årshjul card with alt text, and serves it as a PNG that decodes', async () => {
    await createMeeting(bot, USERS.processLeaderLgs, { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' }, {}, 1);
    bot.connector.clear();
    await bot.post(personalMessage('årshjul LGS', opts(USERS.memberKommun)));
    const image = imageOf(bot.connector.cards()[0]);
    expect(image?.url).toMatch(/\/arshjul\/[A-Za-z0-9_-]{43}\.png$/);
    expect(image?.altText).toBe(
      'Årshjulet för LGS som ett hjul över de tolv månaderna från den här månaden (rubriken anger vilka), med årsskiftet markerat: månaderna runt cirkeln, gruppens möten som blå cirklar, årshjulets deadlines som orange romber, förslag (inte fastställda datum) ritade ihåliga och streckade, och i dag markerat med ett rött streck. De kommande datumen står i listan.',
    );
    const url = new URL(image?.url ?? '');
    const res = await fetch(`${bot.url}${url.pathname}`);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/png']);
    const bytes = Buffer.from(await res.arrayBuffer());
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([900, 960]);
    // Not blank: the wheel draws in more than one colour.
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(5);
    if (process.env.WHEEL_PNG_OUT) writeFileSync(process.env.WHEEL_PNG_OUT, bytes);
  });

  it('answers an unknown token with 404 and no image', async () => {
    const res = await fetch(`${bot.url}/arshjul/${'x'.repeat(43)}.png`);
    expect([res.status, await res.text()]).toEqual([404, 'Årshjulet finns inte.']);
  });

  it('links the English wheel for an English client', async () => {
    await bot.post(personalMessage('cycle LGS', opts(USERS.memberKommun, 'en-US')));
    expect(imageOf(bot.connector.cards()[0])?.url).toMatch(/\/arshjul\/[A-Za-z0-9_-]{43}\.png\?lang=en$/);
  });
});
