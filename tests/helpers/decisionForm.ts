import { randomBytes } from 'node:crypto';

/**
 * The LGS decision form as the card submits it, for item `itemId` of meeting `meetingId`: a decision
 * in enighet on 8 December 2026, with a fresh replay key each time (as if the form had just been shown).
 */
export const decisionForm = (meetingId: string, itemId: string, over: Record<string, string> = {}) => ({
  verb: 'recordDecision',
  org: 'goteborgsomradet',
  group: 'lgs',
  meetingId,
  formKey: randomBytes(8).toString('hex'),
  itemId,
  date: '2026-12-08',
  kind: 'beslut',
  consensus: 'true',
  outcome: 'enighet',
  title: 'Årsrapport 2026',
  text: 'LGS fastställer årsrapporten.',
  rationale: '',
  link: '',
  forankring: 'kommun,region',
  absentInput: 'true',
  ...over,
});
