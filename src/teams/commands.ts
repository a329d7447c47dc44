/** The text commands, Swedish and English words for each. */
const WORDS = {
  help: ['hjälp', 'hjalp', 'help', '?'],
  groups: ['grupper', 'groups'],
  link: ['koppla', 'link'],
  language: ['språk', 'sprak', 'language'],
  chair: ['ordförande', 'ordforande', 'chair'],
  history: ['historik', 'history'],
  appoint: ['utse', 'appoint'],
  members: ['ledamöter', 'ledamoter', 'members'],
  add: ['lägg-till', 'add'],
  cycle: ['årshjul', 'arshjul', 'cycle'],
  meeting: ['möte', 'mote', 'meeting'],
  meetings: ['möten', 'moten', 'meetings'],
  revise: ['revidera', 'revise'],
  brief: ['sammanställning', 'sammanstallning', 'brief'],
  close: ['avsluta', 'close'],
  input: ['synpunkter', 'input'],
  decisions: ['beslut', 'decisions'],
  recordDecision: ['registrera', 'record'],
  chairDecision: ['ordförandebeslut', 'ordforandebeslut', 'chair-decision'],
  export: ['exportera', 'export'],
  minutes: ['minnesanteckningar', 'minutes'],
  correct: ['rätta', 'ratta', 'correct'],
  retract: ['återkalla', 'aterkalla', 'retract'],
  forankring: ['förankring', 'forankring', 'anchoring'],
  publish: ['publicera', 'publish'],
  admins: ['administratörer', 'administratorer', 'admins'],
  settings: ['inställningar', 'installningar', 'settings'],
} as const;

export type CommandName = keyof typeof WORDS;

export interface ParsedCommand {
  readonly name: CommandName | null;
  readonly argument: string;
  readonly text: string;
}

/** Splits "koppla NOSAM Hisingen" into the command and its argument; unknown words give name null. */
export function parseCommand(text: string): ParsedCommand {
  // "lägg till" is two words; read it as one command word.
  const clean = text.replace(/\s+/g, ' ').trim().replace(/^lägg till\b/i, 'lägg-till').replace(/^lagg till\b/i, 'lägg-till');
  const [first = '', ...rest] = clean.split(' ');
  const word = first.toLocaleLowerCase('sv').replace(/[!.]+$/, '');
  const name = (Object.keys(WORDS) as CommandName[]).find((k) => (WORDS[k] as readonly string[]).includes(word)) ?? null;
  return { name, argument: rest.join(' '), text: clean };
}
