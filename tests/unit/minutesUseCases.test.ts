import { actOnMinutesCard, publishMinutesAt, showMinutes } from '../../src/app/minutes';
import { LGS_MEETING, lgsPorts, lgsUser, PEOPLE } from '../helpers/decisionPorts';

/** The minutes use cases with in-memory ports: drafting, who sees drafts, justering delivery, publishing. */

const now = new Date('2026-12-08T15:00:00Z');
const lead = { user: lgsUser(PEOPLE.processLeader, ['member', 'processLeader']), now };
const chair = { user: lgsUser(PEOPLE.chair, ['member']), now };
const member = { user: lgsUser(PEOPLE.member, ['member']), now };
const ref = `goteborgsomradet/lgs/${LGS_MEETING.id}`;
const onCard = { org: 'goteborgsomradet', group: 'lgs', meetingId: LGS_MEETING.id };

/** What the Teams layer would deliver: here a text naming the minutes' version and ETag. */
const justering = (s: { minutes: { version: number }; etag: string }) => `justera v${s.minutes.version} ${s.etag}`;

describe('opening the minutes', () => {
  it('drafts them the first time for a lead, with the chair as justerare and the members as the roster', async () => {
    const ports = lgsPorts();
    const shown = await showMinutes(ref, lead, ports);
    if (!shown.ok) throw new Error(shown.code);
    expect([shown.value.minutes.status, shown.value.minutes.justerare, shown.value.isPrivate, shown.value.mayEdit]).toEqual(['draft', [PEOPLE.chair], true, true]);
    expect(shown.value.roster).toEqual([PEOPLE.processLeader, PEOPLE.chair, PEOPLE.member, PEOPLE.absentMember]);
  });

  it('keeps a draft from a plain member, and says so with the group', async () => {
    const ports = lgsPorts();
    await showMinutes(ref, lead, ports);
    const refused = await showMinutes(ref, member, ports);
    expect(!refused.ok && [refused.code, refused.code !== 'unknown-meeting' && refused.group.shortName]).toEqual(['draft-private', 'LGS']);
  });

  it('cannot draft without a chair to be justerare, and knows no meeting outside the catalog', async () => {
    const ports = lgsPorts({ withChair: false });
    const refused = await showMinutes(ref, lead, ports);
    expect(!refused.ok && refused.code).toBe('no-chair');
    expect(await showMinutes('goteborgsomradet/lgs/../../x', lead, ports)).toEqual({ ok: false, code: 'unknown-meeting' });
  });
});

describe('sending for justering', () => {
  it('delivers the minutes to each justerare but the sender, and names who could not be reached', async () => {
    const ports = lgsPorts({ unreachable: [PEOPLE.member] });
    const opened = await showMinutes(ref, lead, ports);
    if (!opened.ok) throw new Error(opened.code);
    // The chair names the justerare (the process leader may not) and sends.
    const justerare = [PEOPLE.chair, PEOPLE.member, PEOPLE.processLeader];
    const byLead = await actOnMinutesCard({ ...onCard, verb: 'sendMinutes', etag: opened.value.etag, notes: {}, justerare, comment: '' }, lead, ports, justering);
    expect(!byLead.ok && byLead.code).toBe('not-chair');
    const sent = await actOnMinutesCard({ ...onCard, verb: 'sendMinutes', etag: opened.value.etag, notes: {}, justerare, comment: '' }, chair, ports, justering);
    if (!sent.ok) throw new Error(sent.code);
    expect([sent.value.minutes.status, sent.value.unreachable]).toEqual(['sent', [PEOPLE.member]]);
    expect(ports.personal.delivered).toEqual([{ to: PEOPLE.processLeader, message: `justera v1 ${sent.value.etag}` }]);
  });

  it('refuses a stale card with the group named, and sends nothing', async () => {
    const ports = lgsPorts();
    await showMinutes(ref, lead, ports);
    const stale = await actOnMinutesCard({ ...onCard, verb: 'sendMinutes', etag: 'W/"old"', notes: {}, justerare: undefined, comment: '' }, lead, ports, justering);
    expect(!stale.ok && [stale.code, stale.code !== 'unknown-meeting' && stale.group.shortName]).toEqual(['conflict', 'LGS']);
    expect(ports.personal.delivered).toEqual([]);
  });

  it('lets the chair approve, and marks the meeting minutes-approved', async () => {
    const ports = lgsPorts();
    const opened = await showMinutes(ref, lead, ports);
    if (!opened.ok) throw new Error(opened.code);
    const sent = await actOnMinutesCard(
      { ...onCard, verb: 'sendMinutes', etag: opened.value.etag, notes: {}, justerare: undefined, comment: '' },
      lead,
      ports,
      justering,
    );
    if (!sent.ok) throw new Error(sent.code);
    const approved = await actOnMinutesCard(
      { ...onCard, verb: 'approveMinutes', etag: sent.value.etag, notes: {}, justerare: undefined, comment: '' },
      chair,
      ports,
      justering,
    );
    expect(approved.ok && [approved.value.minutes.status, approved.value.minutes.approvedBy]).toEqual(['approved', PEOPLE.chair]);
    expect((await ports.groupState.meeting('goteborgsomradet', 'lgs', LGS_MEETING.id))?.meeting.status).toBe('minutes-approved');
  });
});

describe('publishing', () => {
  it('checks the address before anything else, and refuses minutes not yet approved', async () => {
    const ports = lgsPorts();
    await showMinutes(ref, lead, ports);
    expect(await publishMinutesAt({ ref, url: 'javascript:alert(1)' }, lead, ports, () => 'x')).toEqual({ ok: false, code: 'bad-url' });
    const early = await publishMinutesAt({ ref, url: 'https://www.vardsamverkan.se/lgs' }, lead, ports, () => 'x');
    expect(!early.ok && early.code).toBe('not-approved');
  });

  it('publishes approved minutes and tells those who were absent where they are', async () => {
    const ports = lgsPorts();
    ports.meetingInputs.answers.push(
      { member: PEOPLE.absentMember, attendance: 'absent', at: '2026-12-01T10:00:00Z' },
      { member: PEOPLE.member, attendance: 'attending', at: '2026-12-01T10:00:00Z' },
    );
    const opened = await showMinutes(ref, lead, ports);
    if (!opened.ok) throw new Error(opened.code);
    const sent = await actOnMinutesCard(
      { ...onCard, verb: 'sendMinutes', etag: opened.value.etag, notes: {}, justerare: undefined, comment: '' },
      lead,
      ports,
      justering,
    );
    if (!sent.ok) throw new Error(sent.code);
    await actOnMinutesCard({ ...onCard, verb: 'approveMinutes', etag: sent.value.etag, notes: {}, justerare: undefined, comment: '' }, chair, ports, justering);
    ports.personal.delivered.length = 0;
    const published = await publishMinutesAt({ ref, url: 'https://www.vardsamverkan.se/lgs' }, lead, ports, (p) => `${p.group.shortName} ${p.meeting.date} ${p.url}`);
    expect(published.ok && [published.value.status, published.value.publishedUrl]).toEqual(['published', 'https://www.vardsamverkan.se/lgs']);
    expect(ports.personal.delivered).toEqual([{ to: PEOPLE.absentMember, message: 'LGS 2026-12-08 https://www.vardsamverkan.se/lgs' }]);
  });
});
