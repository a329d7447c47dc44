/**
 * The seed documents the organisation files cite by code ("000", "000, 003"), by the title of
 * their first heading and their year (orgs/sources/). Users see the document, never the code.
 */
export interface SourceDocument {
  readonly title: string;
  /** The year of the version quoted (revision or adoption), or null when the document gives none. */
  readonly year: number | null;
}

export const SOURCE_DOCUMENTS: Readonly<Record<string, SourceDocument | undefined>> = {
  '000': { title: 'Uppdragsbeskrivning Ledningsgrupp, Beredningsgrupp, Temagrupper, NOSAM', year: 2025 },
  '001': { title: 'Uppdragsbeskrivning för Samordningsgruppen', year: null },
  '002': { title: 'Revidering av NOSAM:s uppdrag och mandat', year: 2022 },
  '003': { title: 'Minnesanteckning gemensamt möte politiskt samråd och LGS', year: 2023 },
  '004': { title: 'Samverkansplan 2026–2029', year: 2025 },
};

/** The codes a `source` field names: "000, 003" → ["000", "003"]; a non-code source ("Inställning i Teams") gives none. */
export const sourceCodes = (source: string): string[] =>
  source
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^\d{3}$/.test(s));

/**
 * A `source` field as people read it: each document by title and year ("Samverkansplan 2026–2029
 * (2025)"), joined by "; ". A source that is not a code list is shown as it is; an unknown code is
 * never shown bare (a test keeps every code used in orgs/ in the table).
 */
export function sourceTitles(source: string): string {
  const codes = sourceCodes(source);
  if (codes.length === 0) return source.trim();
  return codes
    .map((c) => SOURCE_DOCUMENTS[c])
    .filter((d): d is SourceDocument => d !== undefined)
    .map((d) => (d.year === null ? d.title : `${d.title} (${d.year})`))
    .join('; ');
}

/**
 * A quote with its passage markers named: "… (002, 2022)" → "… (Revidering av NOSAM:s uppdrag
 * och mandat, 2022)"; "(000, about LGS)" keeps its note. Unknown codes are left as written.
 */
export function quoteWithTitles(quote: string): string {
  return quote.replace(/\((\d{3})((?:,[^)]*)?)\)/g, (whole, code: string, rest: string) => {
    const doc = SOURCE_DOCUMENTS[code];
    if (doc === undefined) return whole;
    return `(${doc.title}${rest !== '' ? rest : doc.year === null ? '' : `, ${doc.year}`})`;
  });
}
