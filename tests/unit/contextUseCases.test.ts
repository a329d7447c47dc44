import { texts } from '../../src/cards/texts';
import { OrgCatalog } from '../../src/app/catalog';
import { addMemberForm, addMemberFromForm, appointmentForm, chairsInContext, groupByIds, namedGroup, targetGroups } from '../../src/app/chairCommands';
import { forgetConversation, groupsInContext, rememberConversation, teamOfGroup } from '../../src/app/conversations';
import { cycleOverview } from '../../src/app/cycleOverview';
import { recordOf } from '../../src/app/groupRecord';
import { groupsOverview } from '../../src/app/listGroups';
import type { CalendarTokenStore, ConversationRepository, GroupMember, GroupRecord, GroupStateRepository } from '../../src/app/ports';
import { chooseLanguage } from '../../src/app/users';
import type { ChannelLink, ConversationRef } from '../../src/domain/conversation';
import type { UserContext } from '../../src/domain/people';
import { GBG, group } from '../helpers/shippedOrgs';

// Use cases behind the chair, cycle, groups and language commands, with in-memory ports (no Azurite).

const NOW = new Date('2026-05-04T10:00:00Z');
const ALICE = '11111111-2222-3333-4444-555555555555';
const BO = '22222222-2222-3333-4444-555555555555';
const CARL = '33333333-2222-3333-4444-555555555555';

const ref = (over: Partial<ConversationRef> = {}): ConversationRef => ({
  channelId: 'msteams',
  serviceUrl: 'https://smba.example/',
  tenantId: 'tenant',
  conversationId: '19:general@thread.tacv2',
  conversationType: 'channel',
  botId: 'bot',
  botName: 'Samverkansboten',
  userAadObjectId: null,
  teamId: null,
  ...over,
});

const user = (over: Partial<UserContext> = {}): UserContext => ({ aadObjectId: ALICE, preferredLocale: null, memberships: [], adminOf: [], globalAdmin: false, ...over });

/** A conversation store that records every call, with the given channel links. */
function conversations(links: ChannelLink[] = [], known = false, chats: { aadObjectId: string; name: string }[] = []) {
  const calls: string[] = [];
  const repo: Partial<ConversationRepository> = {
    hasReference: (r) => (calls.push(`has ${r.conversationId}`), Promise.resolve(known)),
    saveReference: (r) => (calls.push(`save ${r.conversationId}`), Promise.resolve()),
    removeReference: (r) => (calls.push(`remove ${r.conversationId}`), Promise.resolve()),
    linksOfChannel: (c) => (calls.push(`links ${c.conversationId}`), Promise.resolve(links.filter((l) => l.channel.conversationId === c.conversationId))),
    channelOfGroup: (org, g) => (calls.push(`channelOf ${org}/${g}`), Promise.resolve(links.find((l) => l.org === org && l.group === g) ?? null)),
    personalChatPeople: () => Promise.resolve(chats),
  };
  return { repo: repo as ConversationRepository, calls };
}

/** Group state with the given records; `overview` and `groups` answer from them. */
function groupState(records: GroupRecord[] = []) {
  const saved: GroupMember[] = [];
  const repo: Partial<GroupStateRepository> = {
    groups: (_org, ids) => Promise.resolve(new Map(records.filter((r) => ids.includes(r.group)).map((r) => [r.group, r]))),
    overview: () => Promise.resolve({ terms: records.flatMap((r) => r.terms), meetings: records.flatMap((r) => r.meetings) }),
    saveMember: (_org, _g, m) => (saved.push(m), Promise.resolve()),
  };
  return { repo: repo as GroupStateRepository, saved };
}

const tokens: CalendarTokenStore = {
  tokenFor: (org, g) => Promise.resolve(`token-${org}-${g}`),
  resolve: () => Promise.resolve(null),
  rotate: () => Promise.resolve(),
};

const catalog = new OrgCatalog([GBG]);
const link = (g: string, channel = ref()): ChannelLink => ({ org: GBG.id, group: g, channel, linkedBy: ALICE, linkedAt: NOW.toISOString() });

describe('rememberConversation', () => {
  it('asks whether an installed conversation was known, and saves it', async () => {
    const c = conversations([], true);
    expect(await rememberConversation({ ref: ref(), event: 'install' }, c.repo)).toEqual({ knownBefore: true });
    expect(c.calls).toEqual(['has 19:general@thread.tacv2', 'save 19:general@thread.tacv2']);
  });

  it('saves an ordinary turn without asking, and does not save a removal', async () => {
    const c = conversations();
    await rememberConversation({ ref: ref(), event: 'other' }, c.repo);
    await rememberConversation({ ref: ref(), event: 'removal' }, c.repo);
    await forgetConversation(ref(), c.repo);
    expect(c.calls).toEqual(['save 19:general@thread.tacv2', 'remove 19:general@thread.tacv2']);
  });
});

describe('groupsInContext', () => {
  it("gives a linked channel's groups, not the user's own", async () => {
    const c = conversations([link('lgs'), link('nosam-hisingen')]);
    const me = user({ memberships: [{ org: GBG.id, group: 'nosam-sydvast', party: null, roles: ['member'] }] });
    const found = await groupsInContext({ user: me, channel: ref() }, { catalog, conversations: c.repo });
    expect(found.map((t) => t.group.id)).toEqual(['lgs', 'nosam-hisingen']);
  });

  it("gives the user's own groups in a personal chat, skipping groups no longer in the catalog", async () => {
    const c = conversations([link('lgs')]);
    const me = user({
      memberships: [
        { org: GBG.id, group: 'nosam-sydvast', party: null, roles: ['member'] },
        { org: GBG.id, group: 'gone', party: null, roles: ['member'] },
      ],
    });
    const found = await groupsInContext({ user: me, channel: ref({ conversationType: 'personal' }) }, { catalog, conversations: c.repo });
    expect(found.map((t) => t.group.id)).toEqual(['nosam-sydvast']);
    expect(c.calls).toEqual([]);
  });
});

describe('teamOfGroup', () => {
  it("uses this channel's team, else the team of the group's linked channel, else none", async () => {
    const target = { org: GBG, group: group(GBG, 'lgs') };
    const c = conversations([link('lgs', ref({ teamId: 'team-of-lgs' }))]);
    expect(await teamOfGroup({ channel: ref({ teamId: 'this-team' }), target }, c.repo)).toBe('this-team');
    expect(await teamOfGroup({ channel: ref({ conversationType: 'personal' }), target }, c.repo)).toBe('team-of-lgs');
    expect(await teamOfGroup({ channel: ref(), target: { org: GBG, group: group(GBG, 'nosam-hisingen') } }, c.repo)).toBeNull();
  });
});

describe('namedGroup and targetGroups', () => {
  it('refuses an empty name, and names the query it could not find', () => {
    expect(namedGroup('  ', user(), catalog)).toEqual({ ok: false, code: 'no-group-named' });
    expect(namedGroup('Ingen sådan', user(), catalog)).toEqual({ ok: false, code: 'group-not-found', query: 'Ingen sådan' });
    expect(namedGroup('NOSAM Hisingen', user(), catalog)).toEqual({ ok: true, value: { org: GBG, group: group(GBG, 'nosam-hisingen') } });
  });

  it('answers no-groups when there is no name, no link and no membership', async () => {
    const c = conversations();
    expect(await targetGroups({ user: user(), channel: ref(), query: '' }, { catalog, conversations: c.repo })).toEqual({ ok: false, code: 'no-groups' });
  });

  it('finds a group a stale card names by ids, or says it is gone', () => {
    expect(groupByIds(GBG.id, 'lgs', catalog)).toEqual({ ok: true, value: { org: GBG, group: group(GBG, 'lgs') } });
    expect(groupByIds(GBG.id, 'gone', catalog)).toEqual({ ok: false, code: 'group-gone', group: 'gone' });
    expect(groupByIds('no-org', 'lgs', catalog)).toEqual({ ok: false, code: 'group-gone', group: 'lgs' });
  });
});

describe('chairsInContext and appointmentForm', () => {
  it('gives one chair view per linked group, read in one query per organisation', async () => {
    const c = conversations([link('lgs'), link('nosam-hisingen')]);
    const read: string[][] = [];
    const state = groupState();
    const spy: GroupStateRepository = { ...state.repo, groups: (org, ids) => (read.push([...ids]), state.repo.groups(org, ids)) };
    const r = await chairsInContext({ user: user(), channel: ref(), query: '', now: NOW }, { catalog, conversations: c.repo, groupState: spy });
    expect(r.ok && r.value.map((v) => [v.group.id, v.presidium.chair, v.canAppoint])).toEqual([
      ['lgs', null, false],
      ['nosam-hisingen', null, false],
    ]);
    expect(read).toHaveLength(1);
  });

  it('refuses the appointment form to someone who may not appoint, naming the group', async () => {
    const r = await appointmentForm({ user: user(), query: 'lgs', now: NOW }, { catalog, groupState: groupState().repo });
    expect(r).toEqual({ ok: false, code: 'not-allowed', group: 'LGS' });
  });
});

describe('adding a member', () => {
  const admin = user({ adminOf: [GBG.id] });
  const roster = (teamId: string) => Promise.resolve(teamId === 'team-of-lgs' ? [{ aadObjectId: ALICE, name: 'Alice Andersson' }] : []);

  it("offers the organisation's rosters, the linked team's roster and personal chats, once each by name, to an admin; refuses the form to others", async () => {
    const c = conversations([link('lgs', ref({ teamId: 'team-of-lgs' }))], false, [
      { aadObjectId: BO, name: 'Bo Berg' },
      { aadObjectId: ALICE, name: 'Alice i chatten' },
    ]);
    const state = groupState([
      { group: 'nosam-hisingen', terms: [], meetings: [], version: null, members: [{ aadObjectId: CARL, displayName: 'Carl Ceder', party: null, roles: ['member'] }] },
    ]);
    const personal = ref({ conversationType: 'personal' });
    const deps = { catalog, conversations: c.repo, groupState: state.repo, roster };
    const offered = await addMemberForm({ user: admin, channel: personal, query: 'lgs' }, deps);
    expect(offered.ok && offered.value.people).toEqual([
      { aadObjectId: ALICE, name: 'Alice Andersson' },
      { aadObjectId: BO, name: 'Bo Berg' },
      { aadObjectId: CARL, name: 'Carl Ceder' },
    ]);
    expect(await addMemberForm({ user: user(), channel: personal, query: 'lgs' }, deps)).toEqual({ ok: false, code: 'not-allowed', group: 'LGS' });
  });

  it('takes the name of the person chosen among those offered, and refuses anyone else', async () => {
    const c = conversations([link('lgs', ref({ teamId: 'team-of-lgs' }))]);
    const state = groupState();
    const deps = { catalog, conversations: c.repo, groupState: state.repo, roster };
    const ctx = { user: admin, channel: ref({ conversationType: 'personal' }) };
    const base = { org: GBG.id, group: 'lgs', party: null, roles: ['processLeader' as const] };
    const added = await addMemberFromForm({ ...base, aadObjectId: ALICE.toUpperCase() }, ctx, deps);
    expect(added.ok && added.value.member).toEqual({ aadObjectId: ALICE, displayName: 'Alice Andersson', party: null, roles: ['processLeader'] });
    expect(await addMemberFromForm({ ...base, aadObjectId: '99999999-2222-3333-4444-555555555555' }, ctx, deps)).toEqual({ ok: false, code: 'not-in-team' });
    expect(await addMemberFromForm({ ...base, group: 'gone', aadObjectId: ALICE }, ctx, deps)).toEqual({ ok: false, code: 'group-gone', group: 'gone' });
    expect(state.saved).toHaveLength(1);
  });
});

describe('cycleOverview', () => {
  it("gives each linked group's deadlines and calendar token, at most three groups", async () => {
    const c = conversations(['lgs', 'nosam-hisingen', 'nosam-sydvast', 'nosam-nordost'].map((g) => link(g)));
    const r = await cycleOverview(
      { user: user(), channel: ref(), query: '', now: NOW, days: 365 },
      { catalog, conversations: c.repo, groupState: groupState().repo, calendarTokens: tokens },
    );
    expect(r.ok && r.value.map((o) => [o.group.id, o.calendarToken])).toEqual([
      ['lgs', 'token-goteborgsomradet-lgs'],
      ['nosam-hisingen', 'token-goteborgsomradet-nosam-hisingen'],
      ['nosam-sydvast', 'token-goteborgsomradet-nosam-sydvast'],
    ]);
  });

  it('names a group it cannot find', async () => {
    const r = await cycleOverview(
      { user: user(), channel: ref(), query: 'Okänd', now: NOW, days: 365 },
      { catalog, conversations: conversations().repo, groupState: groupState().repo, calendarTokens: tokens },
    );
    expect(r).toEqual({ ok: false, code: 'group-not-found', query: 'Okänd' });
  });
});

describe('groupsOverview', () => {
  it("lists the linked channel's organisation without asking which", async () => {
    const two = new OrgCatalog([GBG, { ...GBG, id: 'other', shortName: 'Annan', name: 'Annan' }]);
    const c = conversations([link('lgs')]);
    const r = await groupsOverview({ user: user(), channel: ref(), named: '', now: NOW }, { catalog: two, conversations: c.repo, groupState: groupState().repo });
    expect(r.ok && r.value.org.id).toBe(GBG.id);
    expect(r.ok && r.value.rows.length).toBe(GBG.groups.length);
  });

  it('asks the user to choose when neither a name, a link nor a membership tells the organisation', async () => {
    const two = new OrgCatalog([GBG, { ...GBG, id: 'other', shortName: 'Annan', name: 'Annan' }]);
    const c = conversations();
    expect(
      await groupsOverview(
        { user: user(), channel: ref({ conversationType: 'personal' }), named: '', now: NOW },
        { catalog: two, conversations: c.repo, groupState: groupState().repo },
      ),
    ).toEqual({ ok: false, code: 'choose-org' });
    expect(c.calls).toEqual([]);
  });
});

describe('recordOf and chooseLanguage', () => {
  it('gives an empty record with no version before anything is stored', async () => {
    expect(await recordOf(groupState().repo, GBG.id, 'lgs')).toEqual({ group: 'lgs', terms: [], members: [], meetings: [], version: null });
  });

  it('stores the chosen language, and null to follow Teams again', async () => {
    const set: [string, string | null][] = [];
    const members = { setPreferredLocale: (aad: string, l: 'sv' | 'en' | null) => (set.push([aad, l]), Promise.resolve()) };
    await chooseLanguage(user(), 'en', members as never);
    await chooseLanguage(user(), null, members as never);
    expect(set).toEqual([
      [ALICE, 'en'],
      [ALICE, null],
    ]);
  });
});

describe('a group named with its organisation', () => {
  const OTHER = { ...GBG, id: 'other', shortName: 'Annan', name: 'Annan samverkan' };
  const two = new OrgCatalog([GBG, OTHER]);

  it('asks for the organisation by name, never for an id, when a group name fits in several', () => {
    const r = two.findGroup('LGS', []);
    expect(r).toEqual({ ok: false, code: 'group-ambiguous', query: 'LGS', orgs: 'Göteborgsområdet, Annan', groups: null });
    expect(texts.groupAmbiguous('LGS', 'Göteborgsområdet, Annan').sv).toBe(
      '"LGS" finns i flera organisationer (Göteborgsområdet, Annan). Skriv gruppen följt av organisationen, t.ex. **LGS Göteborgsområdet**.',
    );
  });

  it('finds the group when the organisation follows its name, short or full, with or without å/ä/ö', () => {
    const found = (q: string) => {
      const r = two.findGroup(q, []);
      return r.ok ? `${r.value.org.id}/${r.value.group.id}` : r.code;
    };
    expect(found('LGS Göteborgsområdet')).toBe('goteborgsomradet/lgs');
    expect(found('lgs goteborgsomradet')).toBe('goteborgsomradet/lgs');
    expect(found('LGS Annan')).toBe('other/lgs');
    expect(found('LGS Annan samverkan')).toBe('other/lgs');
    expect(found('LGS Okänd')).toBe('group-not-found');
  });
});
