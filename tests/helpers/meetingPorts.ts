/* eslint-disable @typescript-eslint/require-await -- in-memory fakes of asynchronous ports: nothing to wait for */
import { OrgCatalog } from '../../src/app/catalog';
import type { MeetingKey } from '../../src/app/ports';
import type { AnswerCounts } from '../../src/app/meetingAccess';
import type { ConversationRef } from '../../src/domain/conversation';
import type { QueuedItem } from '../../src/domain/decisions';
import type { AgendaChange, AttendanceAnswer, Meeting, WrittenInput } from '../../src/domain/meetings';
import type { GroupMember, UserContext } from '../../src/domain/people';
import { fail, ok } from '../../src/domain/result';
import { GBG } from './shippedOrgs';

/**
 * In-memory stand-ins for the ports the meeting use cases take (unit tests of app logic only;
 * the end-to-end tests cover the real Azure Tables repositories). Versions are counters, so a
 * stale version is refused as the real ETag check would.
 */
export function meetingPorts(opts: { members?: GroupMember[]; personal?: Record<string, ConversationRef>; channel?: ConversationRef | null; queue?: QueuedItem[] } = {}) {
  const meetings = new Map<string, { meeting: Meeting; version: string }>();
  const forms = new Map<string, 'open' | 'used'>();
  const answers = new Map<string, AttendanceAnswer[]>();
  const inputs = new Map<string, WrittenInput[]>();
  const queue = [...(opts.queue ?? [])];
  const dequeued: string[] = [];
  const board: { posted: { channel: ConversationRef; meeting: Meeting; counts: AnswerCounts }[]; updated: { activityId: string; changes: readonly AgendaChange[] }[] } = {
    posted: [],
    updated: [],
  };
  const written: string[] = [];
  let v = 0;
  const key = (m: MeetingKey) => `${m.org}/${m.group}/${m.id}`;
  const ports = {
    catalog: new OrgCatalog([GBG]),
    groupState: {
      groups: async (org: string, groups: readonly string[]) =>
        new Map(
          groups.map((g) => [
            g,
            {
              group: g,
              terms: [],
              members: opts.members ?? [],
              meetings: [...meetings.values()].map((x) => x.meeting).filter((m) => m.org === org && m.group === g),
              version: null,
            },
          ]),
        ),
      meeting: async (org: string, group: string, id: string) => meetings.get(`${org}/${group}/${id}`) ?? null,
      saveMeeting: async (meeting: Meeting, expected?: string | null) => {
        const current = meetings.get(key(meeting));
        if (expected !== undefined && (current?.version ?? null) !== expected) return fail('conflict');
        const version = `v${++v}`;
        meetings.set(key(meeting), { meeting, version });
        written.push(`meeting ${meeting.id} ${meeting.status}`);
        return ok(version);
      },
      createMeetingFromForm: async (meeting: Meeting, formKey: string) => {
        const form = forms.get(formKey);
        if (form === undefined) return fail('unknown-form');
        if (form === 'used') return fail('used');
        forms.set(formKey, 'used');
        const version = `v${++v}`;
        meetings.set(key(meeting), { meeting, version });
        return ok(version);
      },
      openMeetingForm: async (_org: string, _group: string, formKey: string) => {
        forms.set(formKey, 'open');
      },
    },
    meetingInputs: {
      load: async (m: MeetingKey) => ({ answers: [...(answers.get(key(m)) ?? [])], inputs: [...(inputs.get(key(m)) ?? [])] }),
      saveAnswer: async (m: MeetingKey, a: AttendanceAnswer) => {
        answers.set(key(m), [...(answers.get(key(m)) ?? []).filter((x) => x.member !== a.member), a]);
      },
      saveInputs: async (m: MeetingKey, saved: readonly WrittenInput[]) => {
        const kept = (inputs.get(key(m)) ?? []).filter((i) => !saved.some((s) => s.author === i.author && s.item === i.item));
        inputs.set(key(m), [...kept, ...saved]);
      },
      history: async () => [],
    },
    conversations: {
      personalReference: async (aad: string) => opts.personal?.[aad] ?? null,
      channelOfGroup: async (org: string, group: string) =>
        opts.channel ? { org, group, channel: opts.channel, linkedBy: 'admin', linkedAt: '2026-01-01T00:00:00.000Z' } : null,
    },
    /** No deputies are named in these unit tests (the end-to-end tests name them). */
    deputies: { deputies: async () => [], calls: async () => [] },
    decisions: {
      minutes: async () => null,
      saveMinutes: async () => ok(undefined),
      queue: async () => [...queue],
      dequeue: async (_org: string, _group: string, decision: { year: number; seq: number }) => {
        dequeued.push(`${decision.year}:${decision.seq}`);
        const i = queue.findIndex((q) => q.origin.decision.year === decision.year && q.origin.decision.seq === decision.seq);
        if (i >= 0) queue.splice(i, 1);
      },
    },
    board: {
      post: async (channel: ConversationRef, _org: unknown, _group: unknown, meeting: Meeting, counts: AnswerCounts) => {
        board.posted.push({ channel, meeting, counts });
        return `activity-${board.posted.length}`;
      },
      update: async (
        _channel: ConversationRef,
        activityId: string,
        _org: unknown,
        _group: unknown,
        _meeting: Meeting,
        _counts: AnswerCounts,
        changes: readonly AgendaChange[],
      ) => {
        board.updated.push({ activityId, changes });
        return true;
      },
    },
  };
  /** Puts a meeting in the store as if created earlier; returns its version. */
  const seed = (meeting: Meeting) => {
    const version = `v${++v}`;
    meetings.set(key(meeting), { meeting, version });
    return version;
  };
  const stored = (m: MeetingKey) => meetings.get(key(m)) ?? null;
  return {
    ports,
    seed,
    stored,
    board,
    dequeued,
    queue,
    written,
    answersOf: (m: MeetingKey) => answers.get(key(m)) ?? [],
    inputsOf: (m: MeetingKey) => inputs.get(key(m)) ?? [],
  };
}

/** A person with the given roles in Göteborgsområdet's LGS (none: a stranger). */
export function lgsUser(aadObjectId: string, roles: ('member' | 'processLeader')[]): UserContext {
  return {
    aadObjectId,
    preferredLocale: null,
    memberships: roles.length === 0 ? [] : [{ org: 'goteborgsomradet', group: 'lgs', party: null, roles }],
    adminOf: [],
    globalAdmin: false,
  };
}

/** A conversation reference for a personal chat or a channel. */
export function conversation(id: string, conversationType: ConversationRef['conversationType']): ConversationRef {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/',
    tenantId: 't',
    conversationId: id,
    conversationType,
    botId: 'b',
    botName: 'Samverkansboten',
    userAadObjectId: null,
    teamId: null,
  };
}
