import { AdminTableRepository } from '../../src/storage/adminRepository';
import { OrgCatalog } from '../../src/app/catalog';
import { loadOrganisations } from '../../src/app/loadOrganisations';
import { orgDirectory } from '../../src/config/orgFiles';
import type { Clock } from '../../src/app/ports';
import type { ConversationRef } from '../../src/domain/conversation';
import { silentLogger } from '../../src/logger';
import { RateLimiter } from '../../src/scheduler/rateLimiter';
import { ReminderScheduler } from '../../src/scheduler/runner';
import { sweep, sweepLeaseOf, type SweepDeps } from '../../src/scheduler/sweep';
import { ConversationTableRepository } from '../../src/storage/conversationRepository';
import { GroupStateTableRepository } from '../../src/storage/groupStateRepository';
import { MemberTableRepository } from '../../src/storage/memberRepository';
import { OrganisationTableRepository } from '../../src/storage/organisationRepository';
import { Leases, ReminderLedger } from '../../src/storage/reminderLedger';
import { TableStore } from '../../src/storage/tables';
import { createBotAuth } from '../../src/teams/adapter';
import { ProactiveSender, type ProactiveMessage } from '../../src/teams/proactive';
import { FakeConnector } from '../helpers/fakeConnector';
import { randomPrefix, testConnection } from '../helpers/testBot';

const CHAIR = '00000000-0000-0000-0000-00000000c001';
const LEADER = '00000000-0000-0000-0000-00000000c002';
const MEMBER = '00000000-0000-0000-0000-00000000c003';
const TENANT = '00000000-0000-0000-0000-0000000000001';
const CHANNEL = '19:grupp-a@thread.tacv2';
/** Sunday 22 November 2026, 10:00 in Stockholm: the report (1 Dec) is 9 days away, the year ends in 39. */
const T0 = new Date('2026-11-22T09:00:00Z');

let connector: FakeConnector;
let store: TableStore;
let deps: (instance: string, clock: Clock) => SweepDeps;
let ledger: ReminderLedger;
let conversations: ConversationTableRepository;
/** Waits the sweep asked for; the injected sleep returns at once, so no test waits in real time. */
let waits: number[];

const ref = (over: Partial<ConversationRef>): ConversationRef => ({
  channelId: 'msteams',
  serviceUrl: connector.url,
  tenantId: TENANT,
  conversationId: 'x',
  conversationType: 'personal',
  botId: '28:bot',
  botName: 'Samverkansboten',
  userAadObjectId: null,
  teamId: null,
  ...over,
});
const at = (d: Date): Clock => ({ now: () => d });
const HOUR = 3_600_000;

beforeAll(async () => {
  connector = new FakeConnector();
  await connector.start();
});
afterAll(async () => connector.stop());

beforeEach(async () => {
  waits = [];
  connector.clear();
  store = new TableStore(testConnection(), randomPrefix());
  await store.ensureTables();
  const groupState = new GroupStateTableRepository(store);
  conversations = new ConversationTableRepository(store);
  ledger = new ReminderLedger(store);
  const report = await loadOrganisations(orgDirectory('tests/fixtures/cycle', false), {
    organisations: new OrganisationTableRepository(store),
    members: new MemberTableRepository(store),
    groupState,
    admins: new AdminTableRepository(store),
  });
  expect(report.problems).toEqual([]);
  const catalog = new OrgCatalog(report.organisations);
  for (const [aad, name, party, role] of [
    [CHAIR, 'Ordförande A', 'p-kommun', 'member'],
    [LEADER, 'Processledare A', null, 'processLeader'],
    [MEMBER, 'Ledamot A', 'p-region', 'member'],
  ] as const)
    await groupState.saveMember('testorg', 'grupp-a', { aadObjectId: aad, displayName: name, party, roles: [role] });
  await groupState.recordTerm(
    'testorg',
    null,
    {
      id: 't1',
      org: 'testorg',
      group: 'grupp-a',
      role: 'chair',
      holder: { aadObjectId: CHAIR, displayName: 'Ordförande A', party: 'p-kommun', principal: 'kommun' },
      start: '2026-01-01',
      plannedEnd: '2026-12-31',
      actualEnd: null,
      origin: 'rotation',
      replaces: null,
      exception: null,
      recordedBy: 'test',
      recordedAt: '2026-01-01T00:00:00Z',
    },
    null,
  );
  await groupState.saveMeeting({ id: 'm1', org: 'testorg', group: 'grupp-a', date: '2026-03-10', startsAt: '2026-03-10T08:00:00Z', title: 'Vårmöte', cancelled: false });
  // The chair has a personal chat with the bot; the process leader does not, but the group has a channel.
  await conversations.saveReference(ref({ conversationId: 'a:chair', userAadObjectId: CHAIR }));
  await conversations.linkChannel({
    org: 'testorg',
    group: 'grupp-a',
    channel: ref({ conversationId: CHANNEL, conversationType: 'channel', teamId: '19:team' }),
    linkedBy: 'test',
    linkedAt: T0.toISOString(),
  });
  const sender = new ProactiveSender(createBotAuth(null), '');
  deps = (instance, clock) => ({
    catalog,
    groupState,
    conversations,
    ledger,
    leases: new Leases(store),
    sender,
    limiter: new RateLimiter({ perConversation: 7, perTenant: 25 }),
    clock,
    logger: silentLogger,
    instanceId: instance,
    settings: { leaseTtlMs: 60_000, staleClaimMs: 10 * 60_000, maxSweepsPerReminder: 3, concurrency: 4 },
    retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 100 },
    sleep: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
});
afterEach(async () => store.dropTables());

/** What arrived: [conversation, card title, mentioned user] per message, sorted. */
const delivered = () =>
  connector.sent
    .map((s) => [
      s.conversationId,
      String((s.activity.attachments?.[0]?.content.body as { text: string }[] | undefined)?.[0]?.text),
      ((s.activity.entities ?? []) as { type: string; mentioned?: { id: string } }[]).find((e) => e.type === 'mention')?.mentioned?.id ?? '',
    ])
    .sort((a, b) => (a.join() < b.join() ? -1 : a.join() > b.join() ? 1 : 0));

const EXPECTED = [
  [CHANNEL, 'Påminnelse: Minsta antal möten', LEADER],
  [CHANNEL, 'Påminnelse: Årsrapport', LEADER],
  ['a:chair', 'Påminnelse: Minsta antal möten', ''],
  ['a:chair', 'Påminnelse: Årsrapport', ''],
];

describe('reminder sweep on Azurite with a fake connector', () => {
  it('sends each due reminder once (personal chat, else the linked channel with an @mention); a second sweep sends nothing', async () => {
    const first = await sweep(deps('a', at(T0)));
    expect(first).toMatchObject({ ran: true, due: 4, claimed: 4, sentPersonal: 2, sentChannel: 2, failed: 0, undeliverable: 0 });
    expect(delivered()).toEqual(EXPECTED);
    connector.clear();
    const second = await sweep(deps('a', at(new Date(T0.getTime() + 15 * 60_000))));
    expect(second).toMatchObject({ ran: true, due: 4, claimed: 0 });
    expect(connector.sent).toEqual([]);
  });

  it('sends each reminder once when two schedulers start together', async () => {
    const reports = await Promise.all([sweep(deps('a', at(T0))), sweep(deps('b', at(T0))), sweep(deps('c', at(T0)))]);
    expect(reports.reduce((n, r) => n + r.sentPersonal + r.sentChannel, 0)).toBe(4);
    expect(delivered()).toEqual(EXPECTED);
  });

  it('lets only one of two instances claim each reminder, even without the lease', async () => {
    const items = [1, 2, 3].map((i) => ({ id: `testorg|grupp-a|rapport|2026-12-01|14|u${i}`, deadline: '2026-12-01' }));
    const [a, b] = await Promise.all([ledger.claimNew('testorg', items, 'a', T0), ledger.claimNew('testorg', items, 'b', T0)]);
    expect([...a, ...b].map((c) => c.reminderId).sort()).toEqual(items.map((i) => i.id));
  });

  it('completes a sweep killed after claiming but before sending, without duplicates', async () => {
    // The dead sweeper claimed everything due and then died (no sends, no completion, lease left to expire).
    await import('../../src/domain/annualCycle');
    const dead = deps('dead', at(T0));
    await dead.leases.acquire(sweepLeaseOf('testorg'), 'dead', T0, 60_000);
    const planned = await sweep({ ...deps('probe', at(T0)), sender: { trySend: () => Promise.reject(new Error('not reached')) } }).catch(() => null);
    expect(planned).toMatchObject({ ran: false });
    // Simulate the claims the dead sweeper made.
    const ids = [
      `testorg|grupp-a|rapport|2026-12-01|14|${CHAIR}`,
      `testorg|grupp-a|rapport|2026-12-01|14|${LEADER}`,
      `testorg|grupp-a|motesminimum|2026-12-31|60|${CHAIR}`,
      `testorg|grupp-a|motesminimum|2026-12-31|60|${LEADER}`,
    ];
    await ledger.claimNew(
      'testorg',
      ids.map((id) => ({ id, deadline: id.includes('rapport') ? '2026-12-01' : '2026-12-31' })),
      'dead',
      T0,
    );
    // Five minutes later the lease has expired but the claims are fresh: nothing is sent twice.
    const early = await sweep(deps('b', at(new Date(T0.getTime() + 5 * 60_000))));
    expect(early).toMatchObject({ ran: true, due: 4, claimed: 0 });
    expect(connector.sent).toEqual([]);
    // Eleven minutes later the claims are stale: the next sweep takes them over and sends each once.
    const late = await sweep(deps('b', at(new Date(T0.getTime() + 11 * 60_000))));
    expect(late).toMatchObject({ claimed: 4, sentPersonal: 2, sentChannel: 2 });
    expect(delivered()).toEqual(EXPECTED);
    connector.clear();
    expect(await sweep(deps('c', at(new Date(T0.getTime() + 30 * 60_000))))).toMatchObject({ claimed: 0 });
    expect(connector.sent).toEqual([]);
  });

  it('sweeps each organisation under its own lease: one held by another instance is left to it, the others are swept', async () => {
    const base = deps('a', at(T0));
    const testorg = base.catalog.all()[0];
    const two = { ...base, catalog: new OrgCatalog([{ ...testorg, id: 'annan-org' }, testorg]) };
    const other = new Leases(store);
    expect(await other.acquire(sweepLeaseOf('testorg'), 'b', T0, 60_000)).toBe(true);
    // Instance a sweeps the other organisation (nothing stored there) and leaves testorg to b.
    expect(await sweep(two)).toMatchObject({ ran: true, due: 0, claimed: 0 });
    expect(connector.sent).toEqual([]);
    expect(await other.acquire(sweepLeaseOf('annan-org'), 'b', T0, 60_000)).toBe(true); // released by a
    await other.release(sweepLeaseOf('testorg'), 'b');
    expect(await sweep(deps('a', at(T0)))).toMatchObject({ ran: true, due: 4, claimed: 4 });
    expect(delivered()).toEqual(EXPECTED);
  });

  it('honours 429 Retry-After, retrying the same message after the time it asks for', async () => {
    connector.script('a:chair', [{ status: 429, headers: { 'Retry-After': '1' } }]);
    await sweep(deps('a', at(T0)));
    const chairAttempts = connector.attempts.filter((a) => a.conversationId === 'a:chair');
    expect(chairAttempts.map((a) => a.status).sort()).toEqual([200, 200, 429]);
    // One wait, of exactly the second Retry-After asks for (the backoff alone would be at most 100 ms).
    expect(waits).toEqual([1000]);
    expect(delivered()).toEqual(EXPECTED);
  });

  it('on 403 marks the personal chat inactive and falls back to the channel with an @mention', async () => {
    connector.script('a:chair', [{ status: 403 }, { status: 403 }]);
    const report = await sweep(deps('a', at(T0)));
    expect(report).toMatchObject({ sentPersonal: 0, sentChannel: 4 });
    expect(delivered()).toEqual([
      [CHANNEL, 'Påminnelse: Minsta antal möten', CHAIR],
      [CHANNEL, 'Påminnelse: Minsta antal möten', LEADER],
      [CHANNEL, 'Påminnelse: Årsrapport', CHAIR],
      [CHANNEL, 'Påminnelse: Årsrapport', LEADER],
    ]);
    expect(await conversations.personalReference(CHAIR)).toBeNull();
    expect(connector.attempts.filter((a) => a.status === 403)).toHaveLength(2);
  });

  it('does not retry 500 and gives up after the bounded number of attempts on 503', async () => {
    connector.script('a:chair', [{ status: 500 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]);
    const report = await sweep(deps('a', at(T0)));
    expect(report).toMatchObject({ sentPersonal: 0, sentChannel: 2, failed: 2 });
    expect(connector.attempts.filter((a) => a.conversationId === 'a:chair').map((a) => a.status)).toEqual([500, 503, 503, 503, 503]);
    // Three backoff waits between the four tries on 503, none after the 500.
    expect(waits).toHaveLength(3);
  });

  it('stops reminding about an occurrence marked done, and a recipient who responded', async () => {
    await ledger.markDone('testorg', 'grupp-a', 'rapport|2026-12-01', '2026-12-01', CHAIR, T0);
    await ledger.acknowledge('testorg', 'grupp-a', 'motesminimum|2026-12-31', LEADER, '2026-12-31', T0);
    const report = await sweep(deps('a', at(T0)));
    expect(report).toMatchObject({ due: 1, sentPersonal: 1, sentChannel: 0 });
    expect(delivered()).toEqual([['a:chair', 'Påminnelse: Minsta antal möten', '']]);
  });

  it('retries a reminder nobody could receive at the next sweep once someone can', async () => {
    // No personal chat for anyone and the bot removed from the group's team: nobody can be reached.
    await conversations.removeReference(ref({ conversationId: 'a:chair', userAadObjectId: CHAIR }));
    await conversations.removeReference(ref({ conversationId: CHANNEL, conversationType: 'channel', teamId: '19:team' }));
    const first = await sweep(deps('a', at(T0)));
    expect(first).toMatchObject({ claimed: 0, sentPersonal: 0, sentChannel: 0, undeliverable: 4 });
    await conversations.saveReference(ref({ conversationId: 'a:chair', userAadObjectId: CHAIR }));
    connector.clear();
    const later = await sweep(deps('a', at(new Date(T0.getTime() + 60 * 60_000))));
    expect(later).toMatchObject({ claimed: 2, sentPersonal: 2, undeliverable: 2 });
    expect(delivered()).toEqual([
      ['a:chair', 'Påminnelse: Minsta antal möten', ''],
      ['a:chair', 'Påminnelse: Årsrapport', ''],
    ]);
  });

  it('keeps trying a reminder nobody could receive until its deadline: a chair who installs the bot three days later gets it', async () => {
    await conversations.removeReference(ref({ conversationId: 'a:chair', userAadObjectId: CHAIR }));
    await conversations.removeReference(ref({ conversationId: CHANNEL, conversationType: 'channel', teamId: '19:team' }));
    for (const hours of [0, 6, 12, 24, 48, 72])
      expect(await sweep(deps('a', at(new Date(T0.getTime() + hours * HOUR))))).toMatchObject({ undeliverable: 4, sentPersonal: 0 });
    expect(connector.attempts).toEqual([]);
    await conversations.saveReference(ref({ conversationId: 'a:chair', userAadObjectId: CHAIR }));
    const installed = await sweep(deps('a', at(new Date(T0.getTime() + 72 * HOUR + 20 * 60_000))));
    expect(installed).toMatchObject({ sentPersonal: 2, undeliverable: 2 });
    expect(delivered()).toEqual([
      ['a:chair', 'Påminnelse: Minsta antal möten', ''],
      ['a:chair', 'Påminnelse: Årsrapport', ''],
    ]);
  });

  it('retries a connector failing with 500 in every sweep until it is healthy, then sends once', async () => {
    // Four sweeps an hour apart each meet a 500 for both of the chair's reminders (no retry within a sweep).
    connector.script(
      'a:chair',
      Array.from({ length: 8 }, () => ({ status: 500 })),
    );
    for (const hours of [0, 1, 2, 3]) expect(await sweep(deps('a', at(new Date(T0.getTime() + hours * HOUR))))).toMatchObject({ failed: 2 });
    connector.clear();
    const healthy = await sweep(deps('a', at(new Date(T0.getTime() + 5 * HOUR))));
    expect(healthy).toMatchObject({ claimed: 2, sentPersonal: 2, failed: 0 });
    expect(delivered()).toEqual([
      ['a:chair', 'Påminnelse: Minsta antal möten', ''],
      ['a:chair', 'Påminnelse: Årsrapport', ''],
    ]);
    connector.clear();
    expect(await sweep(deps('a', at(new Date(T0.getTime() + 30 * HOUR))))).toMatchObject({ claimed: 0 });
    expect(connector.attempts).toEqual([]);
  });

  it('waits out the backoff before retrying a failed send', async () => {
    connector.script('a:chair', [{ status: 503 }, { status: 503 }]);
    await sweep({ ...deps('a', at(T0)), retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    connector.clear();
    // Backoff after the first failure is five minutes (the default base).
    expect(await sweep(deps('a', at(new Date(T0.getTime() + 4 * 60_000))))).toMatchObject({ claimed: 0 });
    expect(await sweep(deps('a', at(new Date(T0.getTime() + 6 * 60_000))))).toMatchObject({ claimed: 2, sentPersonal: 2 });
    expect(connector.attempts.map((a) => [a.conversationId, a.status])).toEqual([
      ['a:chair', 200],
      ['a:chair', 200],
    ]);
  });

  it('records a sent reminder as sent when the outcome write fails at first, and never sends it again', async () => {
    let failures = 0;
    const flaky = Object.assign(Object.create(ledger) as ReminderLedger, {
      complete: (...args: Parameters<ReminderLedger['complete']>) => (failures++ < 3 ? Promise.reject(new Error('connect ECONNREFUSED')) : ledger.complete(...args)),
    });
    const first = await sweep({ ...deps('a', at(T0)), ledger: flaky });
    expect(first).toMatchObject({ claimed: 4, sentPersonal: 2, sentChannel: 2, failed: 0 });
    expect(failures).toBe(7);
    connector.clear();
    for (const minutes of [11, 30, 24 * 60]) expect(await sweep(deps('b', at(new Date(T0.getTime() + minutes * 60_000))))).toMatchObject({ claimed: 0 });
    expect(connector.attempts).toEqual([]);
  });

  it('sends once when a claim was stored but its answer was lost (storage cut mid-request)', async () => {
    let cut = 0;
    // Every claim write and every move to "sending" is stored, but the first two answers of each kind are lost.
    const flaky = Object.assign(Object.create(ledger) as ReminderLedger, {
      claimNew: async (...args: Parameters<ReminderLedger['claimNew']>) => {
        const won = await ledger.claimNew(...args);
        if (cut++ < 2) throw new Error('socket hang up');
        return won;
      },
      setPhase: async (...args: Parameters<ReminderLedger['setPhase']>) => {
        const moved = await ledger.setPhase(...args);
        if (cut++ < 4) throw new Error('socket hang up');
        return moved;
      },
    });
    const report = await sweep({ ...deps('a', at(T0)), ledger: flaky });
    expect(report).toMatchObject({ claimed: 4, sentPersonal: 2, sentChannel: 2 });
    expect(delivered()).toEqual(EXPECTED);
  });

  it('renews the lease by time while sending slowly, so a second instance cannot take over mid-sweep', async () => {
    // Each send takes 25 s of the (injected) clock; the lease is 60 s. A second instance tries to take the lease after every send.
    const clock = { t: T0.getTime(), now: () => new Date(clock.t) };
    const other = new Leases(store);
    const taken: boolean[] = [];
    const real = deps('a', clock).sender;
    const slow = {
      trySend: async (r: ConversationRef, m: ProactiveMessage) => {
        const id = await real.trySend(r, m);
        clock.t += 25_000;
        taken.push(await other.acquire(sweepLeaseOf('testorg'), 'b', clock.now(), 60_000));
        return id;
      },
    } as unknown as ProactiveSender;
    const report = await sweep({ ...deps('a', clock), sender: slow, settings: { ...deps('a', clock).settings, concurrency: 1 } });
    expect(report).toMatchObject({ sentPersonal: 2, sentChannel: 2 });
    expect(taken).toEqual([false, false, false, false]);
  });

  it('stops sending once another instance holds the lease, and leaves the rest to the next sweep', async () => {
    const clock = { t: T0.getTime(), now: () => new Date(clock.t) };
    const real = deps('a', clock).sender;
    const stealing = {
      trySend: async (r: ConversationRef, m: ProactiveMessage) => {
        const id = await real.trySend(r, m);
        // The lease is taken from under the sweep (e.g. it was paused past its expiry).
        await store
          .table('Leases')
          .upsertEntity({ partitionKey: 'lease', rowKey: sweepLeaseOf('testorg'), holder: 'b', expiresAt: new Date(clock.t + 3_600_000).toISOString() }, 'Replace');
        clock.t += 25_000;
        return id;
      },
    } as unknown as ProactiveSender;
    const report = await sweep({ ...deps('a', clock), sender: stealing, settings: { ...deps('a', clock).settings, concurrency: 1 } });
    expect(report).toMatchObject({ sentPersonal: 1, sentChannel: 0, stopped: 'lease-lost', deferred: 3 });
    expect(connector.sent).toHaveLength(1);
    connector.clear();
    await store.table('Leases').deleteEntity('lease', sweepLeaseOf('testorg'));
    expect(await sweep(deps('b', at(new Date(clock.t + 60_000))))).toMatchObject({ claimed: 3 });
    expect(connector.sent).toHaveLength(3);
  });

  it('sends again, once and only after the stale time, claims a dead sweeper left "claimed" or "sending"', async () => {
    const sending = `testorg|grupp-a|rapport|2026-12-01|14|${CHAIR}`;
    const claimed = `testorg|grupp-a|motesminimum|2026-12-31|60|${CHAIR}`;
    const [a, b] = await ledger.claimNew(
      'testorg',
      [
        { id: sending, deadline: '2026-12-01', token: 't1' },
        { id: claimed, deadline: '2026-12-31', token: 't2' },
      ],
      'dead',
      T0,
    );
    expect(b).toBeDefined();
    expect(await ledger.setPhase('testorg', a, 'sending')).not.toBeNull();
    const early = await sweep(deps('b', at(new Date(T0.getTime() + 9 * 60_000))));
    expect(early).toMatchObject({ claimed: 2, uncertain: 0 });
    expect(delivered().filter((d) => d[0] === 'a:chair')).toEqual([]);
    connector.clear();
    const late = await sweep(deps('b', at(new Date(T0.getTime() + 11 * 60_000))));
    expect(late).toMatchObject({ claimed: 2, uncertain: 1, sentPersonal: 2 });
    expect(delivered()).toEqual([
      ['a:chair', 'Påminnelse: Minsta antal möten', ''],
      ['a:chair', 'Påminnelse: Årsrapport', ''],
    ]);
    connector.clear();
    expect(await sweep(deps('c', at(new Date(T0.getTime() + 60 * 60_000))))).toMatchObject({ claimed: 0 });
    expect(connector.attempts).toEqual([]);
  });

  it('gives up a send the connector never answers after the send timeout, sends the others and records it as failed for a later sweep', async () => {
    const real = deps('a', at(T0)).sender;
    // The chair's personal chat hangs: no answer, ever.
    const hanging = {
      trySend: (r: ConversationRef, m: ProactiveMessage) => (r.conversationId === 'a:chair' ? new Promise<never>(() => undefined) : real.trySend(r, m)),
    } as unknown as ProactiveSender;
    const base = deps('a', at(T0));
    const report = await sweep({ ...base, sender: hanging, settings: { ...base.settings, sendTimeoutMs: 50 } });
    expect(report).toMatchObject({ claimed: 4, sentPersonal: 0, sentChannel: 2, failed: 2 });
    expect(delivered()).toEqual(EXPECTED.filter((d) => d[0] === CHANNEL));
    const chair = await ledger.readClaim('testorg', `testorg|grupp-a|rapport|2026-12-01|14|${CHAIR}`);
    expect(chair).toMatchObject({ status: 'failed' });
  });

  it('holds a throttled reminder as "claimed", not "sending", while it waits to retry', async () => {
    connector.script('a:chair', [{ status: 503 }]);
    const seen: string[] = [];
    const sleep = async () => {
      for (const id of [`testorg|grupp-a|rapport|2026-12-01|14|${CHAIR}`, `testorg|grupp-a|motesminimum|2026-12-31|60|${CHAIR}`]) {
        const c = await ledger.readClaim('testorg', id);
        if (c !== null && c.status !== 'sent') seen.push(c.status);
      }
    };
    const report = await sweep({ ...deps('a', at(T0)), sleep, settings: { ...deps('a', at(T0)).settings, concurrency: 1 } });
    expect(report).toMatchObject({ sentPersonal: 2, sentChannel: 2 });
    expect(seen).toEqual(['claimed', 'claimed']);
  });

  it('on shutdown finishes the sends in flight, records them, starts no new one and leaves nothing "sending"', async () => {
    const base = deps('a', at(T0));
    let scheduler: ReminderScheduler | null = null;
    let stopping: Promise<void> | null = null;
    const real = base.sender;
    const stoppingSender = {
      trySend: async (r: ConversationRef, m: ProactiveMessage) => {
        stopping ??= scheduler!.stop(); // SIGTERM arrives while the first message is on the wire
        return real.trySend(r, m);
      },
    } as unknown as ProactiveSender;
    scheduler = new ReminderScheduler({ ...base, sender: stoppingSender, settings: { ...base.settings, concurrency: 1 } }, 0, silentLogger);
    const report = await scheduler.runOnce();
    // eslint-disable-next-line @typescript-eslint/await-thenable -- stopping is assigned in stoppingSender.trySend during runOnce; tsc's narrowing still sees the initial null
    await stopping;
    expect(report).toMatchObject({ sentPersonal: 1, stopped: 'shutdown', deferred: 3 });
    expect(connector.sent).toHaveLength(1);
    const firstSent = delivered();
    const snapshot = await ledger.load('testorg', '2026-11-22');
    expect([...snapshot.claims.values()].map((c) => c.status).sort()).toEqual(['failed', 'failed', 'failed', 'sent']);
    connector.clear();
    expect(await sweep(deps('b', at(new Date(T0.getTime() + 60_000))))).toMatchObject({ claimed: 3, sentPersonal: 1, sentChannel: 2 });
    const byText = (a: string[], b: string[]) => (a.join() < b.join() ? -1 : 1);
    expect([...firstSent, ...delivered()].sort(byText)).toEqual(EXPECTED);
  });

  it('tries a personal chat silenced by a 403 again as soon as the person writes to the bot, even via another instance', async () => {
    await conversations.removeReference(ref({ conversationId: CHANNEL, conversationType: 'channel', teamId: '19:team' }));
    const chat = ref({ conversationId: 'a:chair', userAadObjectId: CHAIR });
    // Another bot instance has seen this chat before (and remembers having stored it).
    const clockB = { t: T0.getTime() };
    const instanceB = new ConversationTableRepository(store, () => clockB.t);
    await instanceB.saveReference(chat);
    connector.script('a:chair', [{ status: 403 }, { status: 403 }]);
    expect(await sweep(deps('a', at(T0)))).toMatchObject({ sentPersonal: 0, undeliverable: 4 });
    expect(await conversations.personalReference(CHAIR)).toBeNull();
    // The chair writes again, 15 minutes later, through the other instance: the mark is cleared.
    clockB.t += 15 * 60_000;
    await instanceB.saveReference(chat);
    connector.clear();
    const next = await sweep(deps('a', at(new Date(T0.getTime() + 20 * 60_000))));
    expect(next).toMatchObject({ sentPersonal: 2 });
    expect(delivered()).toEqual([
      ['a:chair', 'Påminnelse: Minsta antal möten', ''],
      ['a:chair', 'Påminnelse: Årsrapport', ''],
    ]);
  });

  it('tries a personal chat silenced by a 403 again after a day', async () => {
    await conversations.removeReference(ref({ conversationId: CHANNEL, conversationType: 'channel', teamId: '19:team' }));
    connector.script('a:chair', [{ status: 403 }, { status: 403 }]);
    expect(await sweep(deps('a', at(T0)))).toMatchObject({ sentPersonal: 0, undeliverable: 4 });
    connector.clear();
    expect(await sweep(deps('a', at(new Date(T0.getTime() + 23 * HOUR))))).toMatchObject({ sentPersonal: 0, claimed: 0 });
    expect(connector.attempts).toEqual([]);
    expect(await sweep(deps('a', at(new Date(T0.getTime() + 25 * HOUR))))).toMatchObject({ sentPersonal: 2 });
    expect(delivered()).toEqual([
      ['a:chair', 'Påminnelse: Minsta antal möten', ''],
      ['a:chair', 'Påminnelse: Årsrapport', ''],
    ]);
  });

  it('sends the next offset once it is reached (7 days before), not again the 14-day one', async () => {
    await sweep(deps('a', at(T0)));
    connector.clear();
    const report = await sweep(deps('a', at(new Date('2026-11-24T09:00:00Z'))));
    expect(report).toMatchObject({ due: 4, claimed: 2 });
    expect(delivered()).toEqual([
      [CHANNEL, 'Påminnelse: Årsrapport', LEADER],
      ['a:chair', 'Påminnelse: Årsrapport', ''],
    ]);
  });
});
