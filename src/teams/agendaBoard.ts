import type { AgendaBoard, BoardOutcome } from '../app/publishMeeting';
import { agendaCard } from '../cards/meetingCards';
import { changeText, meetingTexts as t } from '../cards/meetingTexts';
import type { AgendaChange, Meeting } from '../domain/meetings';
import { orgLanguage, type Group, type LocalizedText, type Organisation } from '../domain/organisation';
import { describeError, type Logger } from '../logger';
import type { ProactiveSender } from './proactive';
import { retryOnce } from './retryOnce';

/*
 * The group's channel card and the other sends that follow a saved change: each tried twice;
 * what still fails is a value the reply tells the truth about, or a log line, never an error
 * that would make the reply say nothing was saved.
 */

/** What the channel card and the follow-ups need. */
export interface FollowUpDeps {
  readonly proactive: Pick<ProactiveSender, 'send' | 'update'>;
  readonly logger: Logger;
}

/** The agenda card in the group's channel, in the organisation's language (the channel's); each send is tried twice, a failure is a value. */
export const agendaBoard = (deps: FollowUpDeps): AgendaBoard => {
  const note = (org: Organisation, meeting: Meeting, changes: readonly AgendaChange[]) =>
    changes.length === 0 ? null : t.revision(meeting.revision, changes.map((c) => changeText(c, org.timeZone, orgLanguage(org))).join('; '))[orgLanguage(org)];
  return {
    post: async (channel, org, group, meeting, counts, changes = []) => {
      try {
        return (
          (await retryOnce(() => deps.proactive.send(channel, { card: agendaCard(org, group, meeting, counts, orgLanguage(org), note(org, meeting, changes)) }))) ?? ''
        );
      } catch (e) {
        deps.logger.warn('meeting.card-post-failed', describeError(e));
        return null;
      }
    },
    update: async (channel, activityId, org, group, meeting, counts, changes) => {
      try {
        await retryOnce(() =>
          deps.proactive.update(channel, activityId, { card: agendaCard(org, group, meeting, counts, orgLanguage(org), note(org, meeting, changes)) }),
        );
        return true;
      } catch (e) {
        deps.logger.warn('meeting.card-update-failed', describeError(e));
        return false;
      }
    },
  };
};

/** The reply about a saved change, followed by what became of the channel card when that is news (re-posted, posted, failed). */
export function withBoard(main: LocalizedText, board: BoardOutcome, group: Group): LocalizedText {
  const note = board === 'reposted' ? t.cardReposted : board === 'posted' ? t.cardPosted : board === 'failed' ? t.cardFailed(group.shortName) : null;
  return note === null ? main : { sv: `${main.sv} ${note.sv}`, en: `${main.en} ${note.en}` };
}

/** A message sent after the change is saved, tried twice; if it still fails it is logged (no personal data) and the turn goes on. */
export async function followUp(deps: FollowUpDeps, event: string, send: () => Promise<unknown>): Promise<void> {
  try {
    await retryOnce(send);
  } catch (e) {
    deps.logger.warn(event, describeError(e));
  }
}
