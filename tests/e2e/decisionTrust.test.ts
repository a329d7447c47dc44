import { actionSubmit, channelMessage, personalInstall, personalMessage, USERS } from '../helpers/activities';
import { cardActions, cardInputs, cardTexts } from '../helpers/cards';
import { agendaItem, heldLgsMeeting } from '../helpers/meetings';
import { startTestBot, type TestBot } from '../helpers/testBot';

/**
 * Issue 9, decisions and minutes: private drafts, who approves, replayed forms, bounded input,
 * CSV formula injection, token rotation, unreadable rows, table limits and escaping.
 * Each test starts its own bot (own tables), so it passes alone.
 */
const ORG = 'goteborgsomradet';
let now = new Date('2026-12-08T15:00:00Z');
let bot: TestBot;
const opts = (user: string, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });

beforeEach(async () => {
  now = new Date('2026-12-08T15:00:00Z');
  bot = await startTestBot({ PUBLIC_BASE_URL: 'https://bot.example.se' }, { now: () => now });
});
afterEach(async () => bot.stop());

async function meeting(id: string, items = 1): Promise<string[]> {
  const agenda = Array.from({ length: items }, (_, n) => agendaItem(`p${n}-aaaa`, { title: `Punkt ${n + 1}`, kind: 'beslut', presenter: 'PL', minutes: 10 }));
  await bot.running.repos.groupState.saveMeeting(heldLgsMeeting(id, agenda));
  return agenda.map((a) => a.id);
}

/** Shows the record form as the process leader and returns its submit data with the fields filled in. */
async function shownForm(meetingId: string, itemId: string, fields: Record<string, string> = {}): Promise<Record<string, string>> {
  bot.connector.clear();
  await bot.post(personalMessage(`registrera ${ORG}/lgs/${meetingId}`, opts(USERS.processLeaderLgs)));
  const data = cardActions(bot.connector.cards()[0])[0][1] as Record<string, string>;
  bot.connector.clear();
  return {
    ...data,
    itemId,
    date: '2026-12-08',
    kind: 'beslut',
    consensus: 'true',
    outcome: 'enighet',
    title: 'Årsrapport',
    text: 'LGS fastställer årsrapporten.',
    rationale: '',
    link: '',
    forankring: '',
    absentInput: 'false',
    ...fields,
  };
}

const numbers = async () => (await bot.running.repos.decisions.list(ORG, 'lgs')).map((d) => d.number);

describe('recording decisions', () => {
  it('records one decision when the same form is double-clicked and later replayed', async () => {
    const [item] = await meeting('2026-12-08-aaa111');
    const form = await shownForm('2026-12-08-aaa111', item);
    await Promise.all([bot.post(actionSubmit(form, opts(USERS.processLeaderLgs))), bot.post(actionSubmit(form, opts(USERS.processLeaderLgs)))]);
    await bot.post(actionSubmit(form, opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts().sort()).toEqual(
      [
        'Registrerat som LGS 2026:1.',
        'Beslutet är redan registrerat som LGS 2026:1; inget nytt sparades.',
        'Beslutet är redan registrerat som LGS 2026:1; inget nytt sparades.',
      ].sort(),
    );
    expect(await numbers()).toEqual(['LGS 2026:1']);
  });

  it('refuses values outside the limits with a clear answer and saves nothing', async () => {
    const [item] = await meeting('2026-12-08-aaa112');
    const form = await shownForm('2026-12-08-aaa112', item);
    for (const over of [
      { text: 'x'.repeat(4001) },
      { title: 'x'.repeat(201) },
      { date: '2026-02-30' },
      { date: '2101-01-01' },
      { link: 'javascript:alert(1)' },
      { link: 'data:text/html,<b>x</b>' },
      { sneaky: 'extra field' },
    ])
      await bot.post(actionSubmit({ ...form, ...over }, opts(USERS.processLeaderLgs)));
    await bot.post(actionSubmit({ ...form, text: 'x'.repeat(4001) }, opts(USERS.processLeaderLgs, 'en-US')));
    await bot.post(personalMessage(`återkalla LGS 2026:1 ${'x'.repeat(2001)}`, opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual([
      'Beslutstexten får vara högst 4 000 tecken (4 001 skickades). Inget sparades.',
      'Rubriken får vara högst 200 tecken (201 skickades). Inget sparades.',
      'Datumet måste vara ett riktigt datum mellan år 2000 och 2100. Inget sparades.',
      'Datumet måste vara ett riktigt datum mellan år 2000 och 2100. Inget sparades.',
      'Länken måste vara en webbadress som börjar med https:// eller http://. Inget sparades.',
      'Länken måste vara en webbadress som börjar med https:// eller http://. Inget sparades.',
      'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.',
      'The decision text may be at most 4,000 characters (4,001 were sent). Nothing was saved.',
      'Skälet får vara högst 2 000 tecken. Inget ändrades.',
    ]);
    expect(await numbers()).toEqual([]);
  });

  it('shows user text in decision cards literally (markdown escaped)', async () => {
    const [item] = await meeting('2026-12-08-aaa113');
    await bot.post(
      actionSubmit(
        await shownForm('2026-12-08-aaa113', item, { title: '**Viktigt** [klicka](https://evil.example)', text: '# Rubrik\n- punkt' }),
        opts(USERS.processLeaderLgs),
      ),
    );
    const texts = cardTexts(bot.connector.cards()[0]);
    expect(texts[0]).toBe('LGS 2026:1 – \\*\\*Viktigt\\*\\* \\[klicka\\](https://evil.example)');
    expect(texts).toContain('\\# Rubrik\n\\- punkt');
  });
});

describe('searching decisions', () => {
  it('answers a long search with the bound stated and a bounded result; a 28 KB message is refused at the edge', async () => {
    const [item] = await meeting('2026-12-08-aaa121');
    await bot.post(actionSubmit(await shownForm('2026-12-08-aaa121', item, { title: 'Årsrapport 2026' }), opts(USERS.processLeaderLgs)));
    bot.connector.clear();
    await bot.post(personalMessage(`beslut LGS årsrapport ${'ord '.repeat(900)}`, opts(USERS.memberRegion)));
    expect(bot.connector.texts()).toEqual(['En sökning använder högst 10 ord och 200 tecken; resten av det du skrev användes inte.', 'Inga beslut hittades för LGS.']);
    bot.connector.clear();
    await bot.post(personalMessage(`beslut LGS årsrapport 2026 ${'x'.repeat(3_800)}`, opts(USERS.memberRegion)));
    expect(bot.connector.texts()).toEqual(['En sökning använder högst 10 ord och 200 tecken; resten av det du skrev användes inte.', 'Inga beslut hittades för LGS.']);
    bot.connector.clear();
    await bot.post(personalMessage(`beslut LGS årsrapport ${'ord '.repeat(7000)}`, opts(USERS.memberRegion)));
    expect(bot.connector.texts()).toEqual(['Meddelandet är för långt: ett kommando får vara högst 4000 tecken. Inget har sparats. Korta texten och försök igen.']);
    bot.connector.clear();
    await bot.post(personalMessage('beslut LGS årsrapport 2026', opts(USERS.memberRegion)));
    expect(bot.connector.cards().map((c) => cardTexts(c)[0])).toEqual(['LGS 2026:1 – Årsrapport 2026']);
  });
});

describe('export', () => {
  const links = () => (bot.connector.cards()[0].actions as { url: string }[]).map((a) => a.url.replace('https://bot.example.se', bot.url));

  it('neutralises formulas in the CSV (cells starting with = + - @ tab or CR get a leading apostrophe)', async () => {
    const [item] = await meeting('2026-12-08-aaa131');
    await bot.post(
      actionSubmit(
        await shownForm('2026-12-08-aaa131', item, { title: '=HYPERLINK("https://evil.example";"klicka")', text: '+1+1', rationale: '@SUM(A1)' }),
        opts(USERS.processLeaderLgs),
      ),
    );
    await bot.post(
      actionSubmit(await shownForm('2026-12-08-aaa131', item, { title: '-2+3', text: '+46 31 123 45 67', rationale: 'rad ett\nrad två' }), opts(USERS.processLeaderLgs)),
    );
    bot.connector.clear();
    await bot.post(personalMessage('exportera LGS', opts(USERS.processLeaderLgs)));
    const csv = Buffer.from(await (await fetch(links()[1])).arrayBuffer());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'nummer;datum;typ;utfall;rubrik;beslut;motivering;möte;synpunkter_från_frånvarande;förankring;version;återkallat;registrerat',
      `LGS 2026:2;2026-12-08;beslut;fattat i enighet;'-2+3;'+46 31 123 45 67;"rad ett\nrad två";2026-12-08 13:00;nej;;1;nej;2026-12-08T16:00:00+01:00`,
      `LGS 2026:1;2026-12-08;beslut;fattat i enighet;"'=HYPERLINK(""https://evil.example"";""klicka"")";'+1+1;'@SUM(A1);2026-12-08 13:00;nej;;1;nej;2026-12-08T16:00:00+01:00`,
      '',
    ]);
  });

  it('lets an org admin replace the export and calendar links; old links answer 404, others are refused', async () => {
    await bot.post(personalMessage('exportera LGS', opts(USERS.processLeaderLgs)));
    const [oldMd] = links();
    const oldIcs = await bot.running.calendarTokens.tokenFor(ORG, 'lgs');
    expect((await fetch(oldMd)).status).toBe(200);
    expect((await fetch(`${bot.url}/ics/${oldIcs}.ics`)).status).toBe(200);
    bot.connector.clear();
    await bot.post(personalMessage('exportera LGS ny länk', opts(USERS.processLeaderLgs)));
    await bot.post(personalMessage('exportera LGS ny länk', opts(USERS.chairLgs)));
    expect(bot.connector.texts()).toEqual([
      'Bara organisationens administratörer kan byta ut länkarna. Inget ändrades.',
      'Bara organisationens administratörer kan byta ut länkarna. Inget ändrades.',
    ]);
    expect((await fetch(oldMd)).status).toBe(200);
    bot.connector.clear();
    await bot.post(personalMessage('export LGS new link', opts(USERS.admin, 'en-US')));
    expect(bot.connector.texts()).toEqual(['New links for LGS are created. The old export and calendar links no longer work.']);
    const [newMd] = links();
    expect(newMd).not.toBe(oldMd);
    expect((await fetch(oldMd)).status).toBe(404);
    expect((await fetch(`${bot.url}/ics/${oldIcs}.ics`)).status).toBe(404);
    expect((await fetch(newMd)).status).toBe(200);
    const newIcs = await bot.running.calendarTokens.tokenFor(ORG, 'lgs');
    expect(newIcs).not.toBe(oldIcs);
    expect((await fetch(`${bot.url}/ics/${newIcs}.ics`)).status).toBe(200);
  });
});

describe('reading is tolerant', () => {
  it('skips one unreadable decision row in the list, the export and the reminder sweep', async () => {
    const [item] = await meeting('2026-12-08-aaa141');
    await bot.post(actionSubmit(await shownForm('2026-12-08-aaa141', item, { title: 'Läsbart beslut', forankring: 'region' }), opts(USERS.processLeaderLgs)));
    await bot.running.store.table('Decisions').createEntity({ partitionKey: `${ORG}|lgs`, rowKey: 'd|2026|0002', data: '{"org":"goteborgsomradet","year":"trasig' });
    await bot.running.store
      .table('Decisions')
      .createEntity({ partitionKey: `${ORG}|lgs`, rowKey: 'd|2026|0003', data: JSON.stringify({ org: ORG, year: 2026, seq: 3 }) });
    bot.connector.clear();
    await bot.post(personalMessage('beslut LGS', opts(USERS.memberRegion)));
    expect(bot.connector.cards().map((c) => cardTexts(c)[0])).toEqual(['LGS 2026:1 – Läsbart beslut']);
    await bot.post(personalMessage('exportera LGS', opts(USERS.processLeaderLgs)));
    const csvUrl = (bot.connector.cards()[1].actions as { url: string }[])[1].url.replace('https://bot.example.se', bot.url);
    const csv = await (await fetch(csvUrl)).text();
    expect(csv.split('\r\n').map((l) => l.split(';')[0])).toEqual(['nummer', 'LGS 2026:1', '']);
    // The reminder sweep still reminds about the readable decision's pending förankring.
    await bot.post(personalInstall(opts(USERS.memberRegion)));
    now = new Date('2027-01-08T10:00:00Z');
    bot.connector.clear();
    await bot.running.scheduler.runOnce();
    const reminded = bot.connector.sent.filter(
      (s) => (s.activity.attachments?.[0]?.content.body as { text: string }[] | undefined)?.[0]?.text === 'Förankring väntar: LGS 2026:1',
    );
    expect(reminded.map((s) => s.conversationId)).toEqual([`a:personal-${USERS.memberRegion}`]);
  });
});

describe('minutes: private drafts and who approves', () => {
  const id = '2026-12-08-bbb211';
  const ref = `${ORG}/lgs/${id}`;
  const minutesCardData = () => cardActions(bot.connector.cards()[0]).map(([title, data]) => [title, data] as [string, Record<string, string>]);

  it('shows a draft only to leads and justerare, and only in a personal chat', async () => {
    await meeting(id);
    await bot.post(personalInstall(opts(USERS.processLeaderLgs)));
    bot.connector.clear();
    await bot.post(personalMessage(`minnesanteckningar ${ref}`, opts(USERS.processLeaderLgs)));
    expect(cardTexts(bot.connector.cards()[0])[1]).toBe('Status: Utkast');
    bot.connector.clear();
    await bot.post(personalMessage(`minnesanteckningar ${ref}`, opts(USERS.memberRegion)));
    await bot.post(channelMessage(`minnesanteckningar ${ref}`, opts(USERS.memberRegion)));
    expect(bot.connector.texts()).toEqual([
      'Minnesanteckningarna är inte justerade än. Utkastet visas bara för gruppens ordförande, vice ordförande, processledare och justerare.',
      'Minnesanteckningarna är inte justerade än. Utkastet visas bara för gruppens ordförande, vice ordförande, processledare och justerare.',
    ]);
    expect(bot.connector.cards()).toEqual([]);
    bot.connector.clear();
    await bot.post(channelMessage(`minnesanteckningar ${ref}`, opts(USERS.processLeaderLgs)));
    await bot.post(channelMessage(`minnesanteckningar ${ref}`, opts(USERS.chairLgs)));
    expect(bot.connector.texts()).toEqual([
      'Jag har skickat det till dig i en personlig chatt.',
      `Minnesanteckningar som inte är justerade visas bara i en personlig chatt. Öppna en chatt med Samverkansboten och skriv "minnesanteckningar LGS 2026-12-08".`,
    ]);
    expect(bot.connector.sent.filter((s) => s.activity.attachments?.length).map((s) => s.conversationId)).toEqual([`a:personal-${USERS.processLeaderLgs}`]);
  });

  it('lets only the chair name justerare, tells the sender who cannot be reached, and never lets the author approve', async () => {
    const [item] = await meeting(id);
    await bot.post(personalMessage(`minnesanteckningar ${ref}`, opts(USERS.processLeaderLgs)));
    const send = minutesCardData().find(([t]) => t === 'Skicka för justering')![1];
    expect(Object.keys(cardInputs(bot.connector.cards()[0]))).toEqual([`notes_${item}`]);
    bot.connector.clear();
    // The process leader tries to name themselves justerare: refused, nothing changes.
    await bot.post(actionSubmit({ ...send, justerare: USERS.processLeaderLgs }, opts(USERS.processLeaderLgs)));
    await bot.post(actionSubmit({ ...send, [`notes_${item}`]: 'x'.repeat(4001) }, opts(USERS.processLeaderLgs)));
    // Sent to the chair, who has no personal chat yet: the sender is told.
    await bot.post(actionSubmit({ ...send, [`notes_${item}`]: 'Genomgång av årsrapporten.' }, opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual([
      'Bara ordföranden kan utse justerare. Inget ändrades.',
      'Anteckningarna för en punkt får vara högst 4 000 tecken. Inget ändrades.',
      'Minnesanteckningarna är sparade som skickade för justering. Ordförande LGS (demo) kunde inte nås: hen har ingen personlig chatt med mig än. När hen har öppnat Samverkansboten i Teams (installerat den) öppnar hen dem med **minnesanteckningar LGS 2026-12-08**. Ordföranden kan också utse en annan justerare.',
    ]);
    const stored = await bot.running.repos.decisions.minutes(ORG, 'lgs', id);
    expect([stored?.minutes.status, stored?.minutes.justerare, stored?.minutes.writtenBy]).toEqual(['sent', [USERS.chairLgs], USERS.processLeaderLgs]);
    // The process leader wrote this version and is no justerare: cannot approve.
    bot.connector.clear();
    await bot.post(actionSubmit({ ...send, verb: 'approveMinutes', etag: stored!.etag }, opts(USERS.processLeaderLgs)));
    // The chair, also a lead, opens the minutes in a personal chat and sees the approve button; returns them.
    await bot.post(personalMessage(`minnesanteckningar ${ref}`, opts(USERS.chairLgs)));
    const chairButtons = minutesCardData();
    expect(chairButtons.map(([t]) => t)).toEqual(['Justera', 'Returnera med kommentar']);
    // Returned without a comment the author would not know what to change: refused.
    bot.connector.clear();
    await bot.post(actionSubmit({ ...chairButtons[1][1], comment: '  ' }, opts(USERS.chairLgs)));
    expect(bot.connector.texts()).toEqual(['Skriv i kommentaren vad som behöver ändras innan du returnerar minnesanteckningarna. Inget ändrades.']);
    await bot.post(actionSubmit({ ...chairButtons[1][1], comment: 'Komplettera punkt 1' }, opts(USERS.chairLgs)));
    // The process leader, who wrote the version, hears that it came back and why.
    expect(bot.connector.sent.filter((s) => s.conversationId === `a:personal-${USERS.processLeaderLgs}`).map((s) => s.activity.text)).toEqual([
      'Minnesanteckningarna för LGS (tis 8 dec. 2026) returnerades av Ordförande LGS (demo): "Komplettera punkt 1". Öppna dem med **minnesanteckningar LGS 2026-12-08**.',
    ]);
    // The chair names the process leader justerare and sends: the chair is now the author and cannot approve.
    bot.connector.clear();
    await bot.post(personalMessage(`minnesanteckningar ${ref}`, opts(USERS.chairLgs)));
    expect(Object.keys(cardInputs(bot.connector.cards()[0]))).toEqual([`notes_${item}`, 'justerare']);
    const chairSend = minutesCardData().find(([t]) => t === 'Skicka för justering')![1];
    await bot.post(actionSubmit({ ...chairSend, justerare: USERS.processLeaderLgs }, opts(USERS.chairLgs)));
    const sent = await bot.running.repos.decisions.minutes(ORG, 'lgs', id);
    bot.connector.clear();
    await bot.post(actionSubmit({ ...chairSend, verb: 'approveMinutes', etag: sent!.etag }, opts(USERS.chairLgs)));
    await bot.post(actionSubmit({ ...chairSend, verb: 'approveMinutes', etag: sent!.etag }, opts(USERS.memberRegion)));
    await bot.post(actionSubmit({ ...chairSend, verb: 'approveMinutes', etag: sent!.etag }, opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()).toEqual([
      'Den som skrev versionen kan inte själv justera den. Inget ändrades.',
      'Bara ordföranden eller en utsedd justerare kan justera. Inget ändrades.',
      // The chair wrote this version: they hear of the approval.
      'Minnesanteckningarna för LGS (tis 8 dec. 2026) är justerade av Processledare LGS (demo). Skriv **publicera LGS \\<webbadress\\>** när de är publicerade.',
      'Minnesanteckningarna för LGS är justerade och låsta.',
    ]);
    const approved = await bot.running.repos.decisions.minutes(ORG, 'lgs', id);
    expect([approved?.minutes.status, approved?.minutes.approvedBy]).toEqual(['approved', USERS.processLeaderLgs]);
    // Approved minutes are public; a new draft after them stays private, and members still see the approved version.
    await bot.post(personalMessage(`minnesanteckningar ${ref}`, opts(USERS.memberRegion)));
    expect(cardTexts(bot.connector.cards()[0]).slice(1, 3)).toEqual(['Status: Justerad', 'Version: 1']);
    await bot.post(actionSubmit({ ...chairSend, verb: 'newMinutesVersion', etag: approved!.etag }, opts(USERS.processLeaderLgs)));
    bot.connector.clear();
    await bot.post(channelMessage(`minnesanteckningar ${ref}`, opts(USERS.memberRegion)));
    const seen = bot.connector.cards()[0];
    expect([bot.connector.sent[0].conversationId.startsWith('19:lgs-channel'), cardTexts(seen).slice(1, 3), cardActions(seen)]).toEqual([
      true,
      ['Status: Justerad', 'Version: 1'],
      [],
    ]);
  });

  it('keeps eight items of notes at the 4,000-character limit (longer than one table property)', async () => {
    const items = await meeting(id, 8);
    await bot.post(personalMessage(`minnesanteckningar ${ref}`, opts(USERS.processLeaderLgs)));
    const send = minutesCardData().find(([t]) => t === 'Skicka för justering')![1];
    const notes = Object.fromEntries(items.map((i, n) => [`notes_${i}`, `${n}${'å"\\'.repeat(1333)}`]));
    bot.connector.clear();
    await bot.post(actionSubmit({ ...send, ...notes }, opts(USERS.processLeaderLgs)));
    expect(bot.connector.texts()[0]).toMatch(/^Minnesanteckningarna är sparade som skickade för justering\. /);
    const stored = await bot.running.repos.decisions.minutes(ORG, 'lgs', id);
    expect(stored?.minutes.items.map((i) => i.notes)).toEqual(items.map((i) => notes[`notes_${i}`]));
    expect(stored?.minutes.items.map((i) => i.notes.length)).toEqual(Array(8).fill(4000));
  });
});
