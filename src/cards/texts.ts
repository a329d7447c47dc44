import type { GroupKind, Locale, LocalizedText } from '../domain/organisation';
import { withParty } from './withParty';

/** A Swedish/English pair of a user-visible text. */
export const both = (sv: string, en: string): LocalizedText => ({ sv, en });

/** Picks the user's language from a Swedish/English pair. */
export const pick = (text: LocalizedText, locale: Locale): string => text[locale];

const kindNames: Record<GroupKind, LocalizedText> = {
  political: { sv: 'Politisk nivå', en: 'Political level' },
  strategic: { sv: 'Ledningsgrupp', en: 'Leadership group' },
  steering: { sv: 'Styrgrupp', en: 'Steering group' },
  theme: { sv: 'Temagrupp', en: 'Theme group' },
  nosam: { sv: 'NOSAM (lokal samverkan)', en: 'NOSAM (local collaboration)' },
  coordination: { sv: 'Samordningsgrupp', en: 'Coordination group' },
  working: { sv: 'Arbetsgrupp', en: 'Working group' },
};

export const kindName = (kind: GroupKind, locale: Locale) => kindNames[kind][locale];

/** Every fixed sentence the bot says, Swedish first. Functions take the values they show. */
export const texts = {
  welcome: {
    sv: 'Hej! Jag är Samverkansboten. Jag håller ordning på ordförandeskap, årshjulet, dagordningar, synpunkter från den som har förhinder och beslut i era samverkansgrupper. Skriv **hjälp** för att se vad du kan göra.',
    en: "Hi! I'm Samverkansboten. I keep track of chairs, the annual cycle, agendas, written input from members who cannot attend, and decisions in your collaboration groups. Type **help** to see what you can do.",
  },
  unknown: (text: string) => ({
    sv: `Jag förstod inte "${text}". Skriv **hjälp** för att se vad jag kan.`,
    en: `I didn't understand "${text}". Type **help** to see what I can do.`,
  }),
  didYouMean: (text: string, commands: readonly string[]) => ({
    sv: `Jag förstod inte "${text}". Menade du ${orList(commands, 'eller')}? Skriv **hjälp** för att se allt jag kan.`,
    en: `I didn't understand "${text}". Did you mean ${orList(commands, 'or')}? Type **help** to see everything I can do.`,
  }),
  greeting: {
    sv: 'Hej! Här är vad du kan göra med mig.',
    en: 'Hi! Here is what you can do with me.',
  },
  emptyMessage: {
    sv: 'Jag fick ett tomt meddelande. Skriv **hjälp** för att se vad jag kan.',
    en: 'I received an empty message. Type **help** to see what I can do.',
  },
  foreignTenant: {
    sv: 'Samverkansboten är inte tillgänglig för din organisation. Inget har sparats.',
    en: 'Samverkansboten is not available to your organisation. Nothing was saved.',
  },
  messageTooLong: (limit: number) => ({
    sv: `Meddelandet är för långt: ett kommando får vara högst ${limit} tecken. Inget har sparats. Korta texten och försök igen.`,
    en: `The message is too long: a command may be at most ${limit} characters. Nothing was saved. Shorten the text and try again.`,
  }),
  storageUnavailable: {
    sv: 'Lagringen svarar inte just nu. Försök igen om en stund.',
    en: 'Storage is not responding right now. Please try again in a while.',
  },
  error: {
    sv: 'Något gick fel hos mig och inget sparades. Försök igen om en stund; om felet finns kvar, kontakta samverkanskontoret.',
    en: 'Something went wrong on my side and nothing was saved. Please try again shortly; if it persists, contact the collaboration office.',
  },
  badCard: {
    sv: 'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.',
    en: 'The card sent incomplete or invalid data, so nothing was changed. Open the card again and retry.',
  },
  helpTitle: { sv: 'Det här kan du göra', en: 'What you can do' },
  helpIntro: {
    sv: 'Skriv ett kommando i chatten, eller välj en knapp. I en kanal: nämn boten först, t.ex. @Samverkansboten grupper.',
    en: 'Type a command in the chat, or pick a button. In a channel, mention the bot first, e.g. @Samverkansboten groups.',
  },
  yourRoles: { sv: 'Dina roller', en: 'Your roles' },
  noRoles: {
    sv: 'Du är inte registrerad i någon grupp ännu. Be gruppens processledare eller en administratör att lägga till dig.',
    en: "You are not registered in any group yet. Ask the group's process leader or an administrator to add you.",
  },
  roleAdmin: (org: string) => ({ sv: `Administratör – ${org}`, en: `Administrator – ${org}` }),
  roleGlobalAdmin: { sv: 'Administratör för boten', en: 'Bot administrator' },
  roleProcessLeader: (group: string) => ({ sv: `Processledare – ${group}`, en: `Process leader – ${group}` }),
  roleMember: (group: string, party: string | null) => ({
    sv: `Ledamot – ${withParty(group, party)}`,
    en: `Member – ${withParty(group, party)}`,
  }),
  commands: {
    help: { sv: ['hjälp', 'Visar den här listan.'], en: ['help', 'Shows this list.'] },
    groups: {
      sv: ['grupper [organisation]', 'Grupperna med sort, ordförande och nästa möte.'],
      en: ['groups [organisation]', 'The groups with kind, chair and next meeting.'],
    },
    chair: {
      sv: ['ordförande [grupp]', 'Ordförande, vice, mandatperiod och vem som står på tur enligt reglerna.'],
      en: ['chair [group]', 'Chair, vice chair, term and who is next by the rules.'],
    },
    cycle: {
      sv: ['årshjul [grupp]', 'Årshjulets kommande datum och en kalenderlänk för Outlook.'],
      en: ['cycle [group]', "The annual cycle's coming dates and a calendar link for Outlook."],
    },
    meetings: {
      sv: ['möten [grupp]', 'Gruppens möten: dagordning, närvaro, förhinder med och utan synpunkter.'],
      en: ['meetings [group]', "The group's meetings: agenda, attendance, absent with and without input."],
    },
    meeting: { sv: ['möte <grupp>', 'Skapa ett möte och publicera dagordningen.'], en: ['meeting <group>', 'Create a meeting and post the agenda.'] },
    decisions: {
      sv: ['beslut <grupp> [sökord] [år]', 'Beslutsloggen: senaste besluten eller sökning, med förankringsstatus.'],
      en: ['decisions <group> [words] [year]', 'The decision log: latest decisions or a search, with anchoring status.'],
    },
    cycleEdit: {
      sv: ['årshjul <grupp> ändra', 'Fastställ, flytta eller ta bort årshjulets datum för i år, eller lägg till en engångspunkt.'],
      en: ['cycle <group> edit', "Confirm, move or remove the annual cycle's dates for this year, or add a one-off item."],
    },
    admins: {
      sv: ['administratörer [organisation]', 'Lägg till och ta bort administratörer och processledare.'],
      en: ['admins [organisation]', 'Add and remove admins and process leaders.'],
    },
    settings: {
      sv: ['inställningar <grupp>', 'Ersättare, mötesvägledning, rapporttakt, justerare och sista tid för synpunkter.'],
      en: ['settings <group>', 'Deputies, meeting guidance, report cadence, justerare and input cut-off.'],
    },
    deputies: {
      sv: ['ersättare <grupp>', 'Namnge, byt eller ta bort ledamöternas ersättare (i grupper med ersättare).'],
      en: ['deputies <group>', "Name, change or remove the members' deputies (in groups with deputies)."],
    },
    exportLog: {
      sv: ['exportera <grupp>', 'Beslutsloggen som Markdown, CSV och JSON för publicering.'],
      en: ['export <group>', 'The decision log as Markdown, CSV and JSON for publishing.'],
    },
    history: { sv: ['historik <grupp>', 'Alla ordförandeperioder, med undantag och skäl.'], en: ['history <group>', 'Every chair term, with exceptions and reasons.'] },
    members: { sv: ['ledamöter <grupp>', 'Gruppens ledamöter med part och roll.'], en: ['members <group>', "The group's members with party and role."] },
    language: { sv: ['språk sv | en', 'Byt språk för dina svar.'], en: ['language sv | en', 'Change the language of replies.'] },
    appoint: {
      sv: ['utse <grupp>', 'Registrera ordförande eller vice (formulär, reglerna kontrolleras).'],
      en: ['appoint <group>', 'Record a chair or vice chair (form; the rules are checked).'],
    },
    add: { sv: ['lägg till <grupp>', 'Lägg till en ledamot eller processledare.'], en: ['add <group>', 'Add a member or process leader.'] },
    link: {
      sv: ['koppla <grupp>', 'Koppla den här kanalen till en grupp (i en kanal).'],
      en: ['link <group>', 'Link this channel to a group (in a channel).'],
    },
  },
  buttonGroups: { sv: 'Visa grupper', en: 'Show groups' },
  buttonLink: { sv: 'Koppla kanal', en: 'Link channel' },
  groupsTitle: (org: string) => ({ sv: `Grupper – ${org}`, en: `Groups – ${org}` }),
  groupsEmpty: {
    sv: 'Organisationen har inga grupper inlagda ännu. En administratör lägger till dem i organisationsfilen.',
    en: 'The organisation has no groups yet. An administrator adds them in the organisation file.',
  },
  noOrgs: {
    sv: 'Inga organisationer är inlästa ännu. En administratör behöver läsa in organisationsfilerna.',
    en: 'No organisations are loaded yet. An administrator needs to load the organisation files.',
  },
  chairLabel: { sv: 'Ordförande', en: 'Chair' },
  noChair: { sv: 'Ingen ordförande registrerad', en: 'No chair registered' },
  nextMeetingLabel: { sv: 'Nästa möte', en: 'Next meeting' },
  noMeeting: { sv: 'Inget möte planerat', en: 'No meeting scheduled' },
  mineMarker: { sv: 'Din grupp', en: 'Your group' },
  chooseOrg: { sv: 'Vilken organisation vill du se?', en: 'Which organisation do you want to see?' },
  orgNotFound: (q: string, known: string) => ({
    sv: `Jag hittar ingen organisation som heter "${q}". Välj en av: ${known}.`,
    en: `I can't find an organisation called "${q}". Choose one of: ${known}.`,
  }),
  groupNotFound: (q: string) => ({
    sv: `Jag hittar ingen grupp som heter "${q}". Skriv **grupper** för att se gruppernas namn.`,
    en: `I can't find a group called "${q}". Type **groups** to see the group names.`,
  }),
  groupAmbiguous: (q: string, orgs: string, groups: string | null = null) =>
    groups !== null
      ? {
          sv: `"${q}" passar flera grupper: ${groups}. Skriv mer av namnet.`,
          en: `"${q}" fits several groups: ${groups}. Type more of the name.`,
        }
      : {
          sv: `"${q}" finns i flera organisationer (${orgs}). Skriv gruppen följt av organisationen, t.ex. **${q} ${orgs.split(', ')[0] ?? ''}**.`,
          en: `"${q}" exists in several organisations (${orgs}). Type the group followed by its organisation, e.g. **${q} ${orgs.split(', ')[0] ?? ''}**.`,
        },
  linkNotChannel: {
    sv: 'Kanaler kopplas i kanalen själv: lägg till boten i teamet och skriv @Samverkansboten koppla \\<grupp\\> i kanalen.',
    en: 'Channels are linked from the channel itself: add the bot to the team and type @Samverkansboten link \\<group\\> in the channel.',
  },
  linkNotAllowed: (group: string) => ({
    sv: `Bara en administratör eller processledaren för ${group} kan koppla en kanal till gruppen. Inget ändrades.`,
    en: `Only an administrator or the process leader of ${group} can link a channel to the group. Nothing was changed.`,
  }),
  linkNothingAllowed: {
    sv: 'Bara en administratör eller en grupps processledare kan koppla kanaler, och du har ingen av de rollerna.',
    en: "Only an administrator or a group's process leader can link channels, and you have neither role.",
  },
  linkDone: (group: string, org: string) => ({
    sv: `Klart! Den här kanalen är nu kopplad till **${group}** (${org}). Påminnelser och dagordningar för gruppen publiceras här.`,
    en: `Done! This channel is now linked to **${group}** (${org}). Reminders and agendas for the group will be posted here.`,
  }),
  linkCardTitle: { sv: 'Koppla kanalen till en grupp', en: 'Link this channel to a group' },
  linkCardGroup: { sv: 'Grupp', en: 'Group' },
  linkCardSubmit: { sv: 'Koppla', en: 'Link' },
  linkCardError: { sv: 'Välj en grupp.', en: 'Choose a group.' },
  languageSet: { sv: 'Jag svarar dig på svenska från och med nu.', en: "I'll reply to you in English from now on." },
  languageReset: { sv: 'Jag följer språket i Teams igen.', en: "I'll follow Teams' language again." },
  languageUsage: {
    sv: 'Skriv **språk sv** för svenska, **språk en** för engelska eller **språk auto** för att följa Teams.',
    en: 'Type **language sv** for Swedish, **language en** for English or **language auto** to follow Teams.',
  },
} as const;

/** "a", "a eller b", "a, b eller c". */
function orList(items: readonly string[], or: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1) ?? ''}`;
}
