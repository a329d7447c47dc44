import { both } from './texts';

/**
 * Help by role: the commands each role has, with their arguments as people type them: `<grupp>`
 * is required, `[datum]` optional (without it, the next or latest meeting). The help card shows them
 * escaped, so the angle brackets stay visible as text instead of being read as markup.
 */
export const helpRoleTexts = {
  chairHeading: (group: string) => both(`Ordförande – ${group}`, `Chair – ${group}`),
  viceHeading: (group: string) => both(`Vice ordförande – ${group}`, `Vice chair – ${group}`),
  flowHeading: (groups: string) => both(`Mötet steg för steg – processledare (${groups})`, `The meeting step by step – process leader (${groups})`),
  memberHeading: (groups: string) => both(`Som ledamot (${groups})`, `As a member (${groups})`),
  commands: {
    meeting: { sv: ['möte <grupp>', '1. Skapa mötet och publicera dagordningen.'], en: ['meeting <group>', '1. Create the meeting and post the agenda.'] },
    brief: {
      sv: ['sammanställning <grupp> [datum]', '2. Närvaro och synpunkter inför mötet.'],
      en: ['brief <group> [date]', '2. Attendance and written input before the meeting.'],
    },
    close: {
      sv: ['avsluta <grupp> [datum]', '3. Markera mötet som genomfört och skriv sammanfattningar.'],
      en: ['close <group> [date]', '3. Mark the meeting as held and write summaries.'],
    },
    // The minutes draft is built from the decisions already registered: registrera comes before minnesanteckningar.
    record: { sv: ['registrera <grupp> [datum]', '4. Registrera besluten från mötet.'], en: ['record <group> [date]', "4. Record the meeting's decisions."] },
    minutes: {
      sv: ['minnesanteckningar <grupp> [datum]', '5. Skriv minnesanteckningarna och skicka dem för justering.'],
      en: ['minutes <group> [date]', '5. Write the minutes and send them for approval.'],
    },
    publish: {
      sv: ['publicera <grupp> [datum] <webbadress>', '6. Publicera de justerade minnesanteckningarna.'],
      en: ['publish <group> [date] <web address>', '6. Publish the approved minutes.'],
    },
    chairDecision: {
      sv: ['ordförandebeslut <grupp>', 'Registrera ett ordförandebeslut mellan mötena.'],
      en: ['chair-decision <group>', 'Record a chair decision between meetings.'],
    },
    approve: {
      sv: ['minnesanteckningar <grupp> [datum]', 'Läs, justera eller returnera minnesanteckningarna.'],
      en: ['minutes <group> [date]', 'Read, approve or return the minutes.'],
    },
    /** The chair both writes and approves minutes (never a version they wrote themselves): one line for the one command. */
    minutesChair: {
      sv: ['minnesanteckningar <grupp> [datum]', '5. Skriv minnesanteckningarna och skicka dem för justering, eller justera eller returnera dem.'],
      en: ['minutes <group> [date]', '5. Write the minutes and send them for approval, or approve or return them.'],
    },
    input: {
      sv: ['synpunkter <grupp> [datum]', 'Skriv synpunkter till dagordningen om du har förhinder.'],
      en: ['input <group> [date]', 'Write input on the agenda if you cannot attend.'],
    },
    forankring: {
      sv: ['förankring <huvudman eller part>', 'Beslut som väntar på förankring hos din huvudman eller part.'],
      en: ['anchoring <principal or party>', 'Decisions waiting for anchoring with your principal or party.'],
    },
  },
} as const;
