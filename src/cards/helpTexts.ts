import { both } from './texts';

/** Help by role: the commands each role has, with their arguments (`<grupp>` stays visible as text). */
export const helpRoleTexts = {
  chairHeading: (group: string) => both(`Ordförande – ${group}`, `Chair – ${group}`),
  viceHeading: (group: string) => both(`Vice ordförande – ${group}`, `Vice chair – ${group}`),
  flowHeading: (groups: string) => both(`Mötet steg för steg – processledare (${groups})`, `The meeting step by step – process leader (${groups})`),
  memberHeading: (groups: string) => both(`Som ledamot (${groups})`, `As a member (${groups})`),
  commands: {
    meeting: { sv: ['möte <grupp>', '1. Skapa mötet och publicera dagordningen.'], en: ['meeting <group>', '1. Create the meeting and post the agenda.'] },
    brief: { sv: ['sammanställning <grupp>', '2. Närvaro och synpunkter inför mötet.'], en: ['brief <group>', '2. Attendance and written input before the meeting.'] },
    close: {
      sv: ['avsluta <grupp>', '3. Markera mötet som genomfört och skriv sammanfattningar.'],
      en: ['close <group>', '3. Mark the meeting as held and write summaries.'],
    },
    minutes: {
      sv: ['minnesanteckningar <grupp>', '4. Skriv minnesanteckningarna och skicka dem för justering.'],
      en: ['minutes <group>', '4. Write the minutes and send them for approval.'],
    },
    record: { sv: ['registrera <grupp>', '5. Registrera besluten från mötet.'], en: ['record <group>', "5. Record the meeting's decisions."] },
    publish: { sv: ['publicera <grupp>', '6. Publicera de justerade minnesanteckningarna.'], en: ['publish <group>', '6. Publish the approved minutes.'] },
    chairDecision: {
      sv: ['ordförandebeslut <grupp>', 'Registrera ett ordförandebeslut mellan mötena.'],
      en: ['chair-decision <group>', 'Record a chair decision between meetings.'],
    },
    approve: {
      sv: ['minnesanteckningar <grupp>', 'Läs, justera eller returnera minnesanteckningarna.'],
      en: ['minutes <group>', 'Read, approve or return the minutes.'],
    },
    recordChair: { sv: ['registrera <grupp>', 'Registrera ett beslut från ett möte.'], en: ['record <group>', "Record a meeting's decision."] },
    briefChair: { sv: ['sammanställning <grupp>', 'Närvaro och synpunkter inför mötet.'], en: ['brief <group>', 'Attendance and written input before the meeting.'] },
    input: {
      sv: ['synpunkter <grupp>', 'Skriv synpunkter till dagordningen om du har förhinder.'],
      en: ['input <group>', 'Write input on the agenda if you cannot attend.'],
    },
    forankring: {
      sv: ['förankring <huvudman eller part>', 'Beslut som väntar på förankring hos din huvudman eller part.'],
      en: ['anchoring <principal or party>', 'Decisions waiting for anchoring with your principal or party.'],
    },
  },
} as const;
