/**
 * Names as people type them: without å/ä/ö, in any case, in part ("hisingen", "äldre") or in
 * full ("Ledningsgruppen för samverkan"). Pure; used for groups, parties and decision search.
 */

/** Lower-case and without diacritics ("Hemgång" → "hemgang"); punctuation kept. */
export function foldDiacritics(s: string): string {
  return s
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Lower-case, without diacritics ("Närhälsan" → "narhalsan"), punctuation as spaces, spaces collapsed. */
export function foldName(s: string): string {
  return foldDiacritics(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The ways a name can be written: as is, without its parenthesis, and the parenthesis alone ("(LGS)"). */
function spellings(name: string): string[] {
  const inside = [...name.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]);
  const outside = name.replace(/\([^)]*\)/g, ' ');
  return [name, outside, ...inside].map(foldName).filter((s) => s !== '');
}

/**
 * The items a query names, best first-rank only: an exact (folded) name wins; else every
 * query word (of three letters or more, shorter ones whole) must begin a word of one of the item's names, and the items whose matching name
 * has the fewest words win ("äldre" → "Temagrupp Äldre" before "Beredningsgrupp Temagrupp Äldre").
 * Several items back means the query is ambiguous; none means unknown.
 */
export function matchByName<T>(items: readonly T[], query: string, namesOf: (item: T) => readonly string[]): T[] {
  const q = foldName(query);
  if (q === '') return [];
  const exact = items.filter((item) => namesOf(item).some((n) => spellings(n).includes(q)));
  if (exact.length > 0) return exact;
  const words = q.split(' ');
  let best = Number.POSITIVE_INFINITY;
  let found: T[] = [];
  for (const item of items) {
    const sizes = namesOf(item)
      .flatMap(spellings)
      .map((s) => s.split(' '))
      .filter((ws) => words.every((w) => ws.some((x) => x === w || (w.length >= 3 && x.startsWith(w)))))
      .map((ws) => ws.length);
    if (sizes.length === 0) continue;
    const size = Math.min(...sizes);
    if (size < best) [best, found] = [size, [item]];
    else if (size === best) found.push(item);
  }
  return withoutNamedAfter(found, namesOf);
}

/** Drops an item whose name contains another candidate's name: "Beredningsgrupp Temagrupp Äldre" is named after "Temagrupp Äldre". */
function withoutNamedAfter<T>(items: T[], namesOf: (item: T) => readonly string[]): T[] {
  if (items.length < 2) return items;
  const padded = items.map((item) =>
    namesOf(item)
      .flatMap(spellings)
      .map((s) => ` ${s} `),
  );
  const kept = items.filter((_, i) => !padded.some((other, j) => j !== i && other.some((o) => padded[i].some((mine) => mine !== o && mine.includes(o)))));
  return kept.length > 0 ? kept : items;
}

/** Levenshtein distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}

/**
 * The candidates closest to a mistyped word, at most `limit`, within a distance that grows with
 * the word (1 for short words, a third of the length for longer ones); empty when nothing is close.
 */
export function closestWords(word: string, candidates: readonly string[], limit = 3): string[] {
  const w = foldName(word);
  if (w === '') return [];
  const allowed = Math.max(1, Math.floor(w.length / 3));
  return candidates
    .map((c) => ({ c, d: editDistance(w, foldName(c)) }))
    .filter((x) => x.d <= allowed)
    .sort((x, y) => x.d - y.d)
    .map((x) => x.c)
    .filter((c, i, all) => all.indexOf(c) === i)
    .slice(0, limit);
}
