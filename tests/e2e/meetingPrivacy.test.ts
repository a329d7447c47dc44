import { actionExecute, actionSubmit, channelMessage, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardActions, cardTexts } from '../helpers/cards';
import { createMeeting, meetingForm } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/**
 * Written input is private: only the chair, vice chair and process leader of the meeting's own
 * group and the author read it, never in a channel, and never another group's (issue 9).
 */
let bot: TestBot;
const now = new Date('2026-11-22T10:00:00Z');
const CHANNEL = '19:lgs-privacy@thread.tacv2';
const INPUT = 'Regionen vill prioritera hemsjukvården.';
const LGS = { org: 'goteborgsomradet', group: 'lgs', query: 'LGS' };
const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });
const personal = (user: string) => `a:personal-${user}`;
const inChannel = () => bot.connector.sent.filter((s) => s.conversationId.startsWith(CHANNEL));
const cardsIn = (conversation: string) =>
  bot.connector.sent.filter((s) => s.conversationId === conversation).flatMap((s) => (s.activity.attachments ?? []).map((a) => a.content));

beforeAll(async () => {
  bot = await startTestBot({}, { now: () => now });
  // The vice chair of LGS (Ledamot kommun) never opens a personal chat with the bot in this file.
  for (const user of [USERS.processLeaderLgs, USERS.chairLgs, USERS.memberRegion, USERS.processLeaderNosam, USERS.admin]) await bot.post(personalInstall(opts(user)));
  await bot.post(channelMessage('koppla LGS', { ...opts(USERS.processLeaderLgs), channelId: CHANNEL }));
});
afterAll(async () => bot.stop());

/** An LGS meeting where Ledamot region has förhinder and wrote input on the first item. */
async function lgsMeetingWithInput(): Promise<{ ref: string; id: string }> {
  const m = await createMeeting(bot, USERS.processLeaderLgs, LGS);
  const [org, group, meetingId] = m.ref.split('/');
  await bot.post(actionExecute('absent', { org, group, meetingId }, { ...opts(USERS.memberRegion), channelId: CHANNEL }));
  await bot.post(actionSubmit({ verb: 'submitInput', org, group, meetingId, [`input_${m.itemIds[0]}`]: INPUT }, opts(USERS.memberRegion)));
  bot.connector.clear();
  return m;
}

describe('written input stays with its group', () => {
  it("another group's lead with a meeting of the same date and id sees none of LGS's input or attendance", async () => {
    const lgs = await lgsMeetingWithInput();
    // A form key is good only for the group whose form showed it, and the client cannot pick the id.
    await bot.post(personalMessage('möte LGS', opts(USERS.processLeaderLgs)));
    const lgsKey = (bot.connector.cards()[0].actions as { data: { formKey: string } }[])[0].data.formKey;
    bot.connector.clear();
    await bot.post(actionSubmit(meetingForm('goteborgsomradet', 'nosam-hisingen', { formKey: lgsKey, newId: lgs.id.slice(11) }), opts(USERS.processLeaderNosam)));
    await bot.post(actionSubmit(meetingForm('goteborgsomradet', 'nosam-hisingen', { meetingId: lgs.id, version: '"x"' }), opts(USERS.processLeaderNosam)));
    expect(bot.connector.texts()).toEqual([
      'Formuläret känns inte igen för den här gruppen. Öppna ett nytt med **möte \\<grupp\\>**. Inget sparades.',
      'Jag hittar inte mötet. Det kan ha tagits bort; skriv **möten** för att se gruppens möten.',
    ]);
    // Even a NOSAM meeting with exactly the same id (as the old client-chosen ids allowed) has its own input.
    const stored = (await bot.running.repos.groupState.meeting('goteborgsomradet', 'lgs', lgs.id))!.meeting;
    await bot.running.repos.groupState.saveMeeting({ ...stored, group: 'nosam-hisingen', title: 'NOSAM Hisingen', posted: null }, null);
    bot.connector.clear();
    await bot.post(personalMessage(`sammanställning goteborgsomradet/nosam-hisingen/${lgs.id}`, opts(USERS.processLeaderNosam)));
    const brief = cardTexts(cardsIn(personal(USERS.processLeaderNosam))[0]);
    expect(brief.slice(0, 3)).toEqual(['Sammanställning inför mötet – NOSAM Hisingen', 'tis 8 dec. 2026 13:00', '0 kommer, 0 har förhinder, 1 har inte svarat.']);
    expect(JSON.stringify(bot.connector.sent)).not.toContain('hemsjukvården');
  });

  it("the brief is for the chair, vice chair and process leader of the group: not an admin, not another group's lead", async () => {
    const lgs = await lgsMeetingWithInput();
    await bot.post(personalMessage(`sammanställning ${lgs.ref}`, opts(USERS.admin)));
    await bot.post(personalMessage(`sammanställning ${lgs.ref}`, opts(USERS.processLeaderNosam)));
    await bot.post(personalMessage(`brief ${lgs.ref}`, opts(USERS.admin, 'en-US')));
    expect(bot.connector.texts()).toEqual([
      'Synpunkterna i LGS visas bara för gruppens ordförande, vice ordförande och processledare. Inget visades.',
      'Synpunkterna i LGS visas bara för gruppens ordförande, vice ordförande och processledare. Inget visades.',
      "The written input in LGS is shown only to the group's chair, vice chair and process leader. Nothing was shown.",
    ]);
    expect(bot.connector.cards()).toEqual([]);
    await bot.post(personalMessage(`sammanställning ${lgs.ref}`, opts(USERS.chairLgs)));
    expect(cardTexts(cardsIn(personal(USERS.chairLgs))[0])).toContain(`Ledamot region (demo): ${INPUT}`);
  });

  it('the meeting view offers the brief button only to those who may read input', async () => {
    await lgsMeetingWithInput();
    const buttons = async (user: string) => {
      bot.connector.clear();
      await bot.post(personalMessage('möten LGS', opts(user)));
      return cardActions(bot.connector.cards()[0]).map(([title]) => title);
    };
    // Members also get the answer buttons (issue 13): the brief button stays with those who may read input.
    expect(await buttons(USERS.chairLgs)).toEqual(['Jag kommer', 'Förhinder', 'Synpunkter', 'Revidera', 'Sammanställning', 'Avsluta möte', 'Registrera beslut']);
    expect(await buttons(USERS.admin)).toEqual(['Revidera', 'Avsluta möte', 'Registrera beslut']);
    expect(await buttons(USERS.memberRegion)).toEqual(['Jag kommer', 'Förhinder', 'Synpunkter']);
  });
});

describe('cards with written input go to the personal chat only', () => {
  it('Sammanställning pressed in the channel: the channel gets a short note, the personal chat the brief', async () => {
    const lgs = await lgsMeetingWithInput();
    await bot.post(actionSubmit({ verb: 'command', command: `sammanställning ${lgs.ref}` }, { ...opts(USERS.chairLgs), channelId: CHANNEL }));
    await bot.post(channelMessage(`brief ${lgs.ref}`, { ...opts(USERS.processLeaderLgs, 'en-US'), channelId: CHANNEL }));
    expect(inChannel().map((s) => s.activity.text)).toEqual(['Jag har skickat det till dig i en personlig chatt.', 'I have sent it to you in a personal chat.']);
    expect(inChannel().flatMap((s) => s.activity.attachments ?? [])).toEqual([]);
    expect(JSON.stringify(inChannel())).not.toContain('hemsjukvården');
    for (const user of [USERS.chairLgs, USERS.processLeaderLgs]) {
      const [brief] = cardsIn(personal(user));
      expect(cardTexts(brief)).toContain(`Ledamot region (demo): ${INPUT}`);
    }
  });

  it('a lead with no personal chat yet is told how to open one, and nothing is shown', async () => {
    const lgs = await lgsMeetingWithInput();
    await bot.post(actionSubmit({ verb: 'command', command: `sammanställning ${lgs.ref}` }, { ...opts(USERS.memberKommun), channelId: CHANNEL }));
    expect(bot.connector.sent.map((s) => s.activity.text)).toEqual([
      'Det här innehåller skriftliga synpunkter, som bara visas i en personlig chatt, och du har ingen personlig chatt med mig ännu. Öppna en chatt med Samverkansboten (klicka på mitt namn och välj Chatt) och skriv kommandot där. Inget visades här.',
    ]);
    expect(JSON.stringify(bot.connector.sent)).not.toContain('hemsjukvården');
  });

  it("the input card asked for in the channel goes to the author's personal chat", async () => {
    const lgs = await lgsMeetingWithInput();
    await bot.post(channelMessage(`synpunkter ${lgs.ref}`, { ...opts(USERS.memberRegion), channelId: CHANNEL }));
    expect(inChannel().map((s) => s.activity.text)).toEqual(['Jag har skickat det till dig i en personlig chatt.']);
    expect(JSON.stringify(inChannel())).not.toContain('hemsjukvården');
    const [card] = cardsIn(personal(USERS.memberRegion));
    expect(JSON.stringify(card)).toContain(INPUT);
  });
});
