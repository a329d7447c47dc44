import { closestWords } from '../domain/names';

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
  greeting: ['hej', 'hejsan', 'hallå', 'halla', 'tjena', 'hello', 'hi', 'hey'],
  admins: ['administratörer', 'administratorer', 'admins'],
  settings: ['inställningar', 'installningar', 'settings'],
  deputies: ['ersättare', 'ersattare', 'deputies'],
} as const;

/** Greetings of more than one word, read as the one command word `hej`. */
const GREETING_PHRASES = /^(god (morgon|dag|kväll|kvall|eftermiddag)|good (morning|afternoon|evening|day))\b/i;

export type CommandName = keyof typeof WORDS;

export interface ParsedCommand {
  readonly name: CommandName | null;
  readonly argument: string;
  readonly text: string;
}

/** Splits "koppla NOSAM Hisingen" into the command and its argument; unknown words give name null. */
export function parseCommand(text: string): ParsedCommand {
  // "lägg till" is two words; read it as one command word.
  const clean = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^lägg till\b/i, 'lägg-till')
    .replace(/^lagg till\b/i, 'lägg-till')
    .replace(GREETING_PHRASES, 'hej');
  const [first = '', ...rest] = clean.split(' ');
  const word = first.toLocaleLowerCase('sv').replace(/[!.]+$/, '');
  const name = (Object.keys(WORDS) as CommandName[]).find((k) => (WORDS[k] as readonly string[]).includes(word)) ?? null;
  return { name, argument: rest.join(' '), text: clean };
}

/** `… sida 3` (or `page 3`) at the end of a list command: which page to show (1 when absent). */
export function pageArgument(argument: string): { rest: string; page: number } {
  const m = /(?:^|\s)(?:sida|page)\s+(\d{1,4})\s*$/i.exec(argument);
  return m === null ? { rest: argument, page: 1 } : { rest: argument.slice(0, m.index).trim(), page: Number(m[1]) };
}

/** The word shown for a command in a language: the Swedish word first in the list, the English one last. */
export function commandWord(name: CommandName, locale: 'sv' | 'en'): string {
  const words: readonly string[] = WORDS[name];
  return locale === 'sv' ? (words[0] ?? name) : (words.filter((w) => w !== '?').at(-1) ?? name);
}

/** The commands whose words are closest to a mistyped first word ("grupepr" → grupper), as shown in `locale`. */
export function suggestCommands(text: string, locale: 'sv' | 'en'): string[] {
  const first = text.split(' ')[0] ?? '';
  const names = (Object.keys(WORDS) as CommandName[]).filter((k) => k !== 'greeting');
  const byWord = new Map<string, CommandName>(names.flatMap((k) => (WORDS[k] as readonly string[]).map((w) => [w, k] as const)));
  const near = closestWords(first, [...byWord.keys()], 6)
    .map((w) => byWord.get(w))
    .filter((k): k is CommandName => k !== undefined);
  return [...new Set(near)].slice(0, 3).map((k) => commandWord(k, locale));
}
