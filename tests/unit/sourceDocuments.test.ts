import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { quoteWithTitles, SOURCE_DOCUMENTS, sourceCodes, sourceTitles } from '../../src/domain/sourceDocuments';

/** Users see a seed document by its title, never its code ("källa 000"): every code the organisation files use has one. */
const ORGS = path.resolve(__dirname, '..', '..', 'orgs');
const yamlFiles = readdirSync(ORGS).filter((f) => f.endsWith('.yaml'));
/** Every `source:` value of the files, comments left out. */
const sourcesUsed = yamlFiles.flatMap((f) =>
  readFileSync(path.join(ORGS, f), 'utf8')
    .split('\n')
    .map((line) => /^\s*(?:source|reportCadenceSource):\s*"?([^"#]+)"?/.exec(line)?.[1]?.trim())
    .filter((s): s is string => s !== undefined),
);
/** Codes written inside quotes, e.g. "(002, 2022)". */
const codesInQuotes = yamlFiles.flatMap((f) =>
  [...readFileSync(path.join(ORGS, f), 'utf8').matchAll(/^\s*(?:quote|sv|en):.*$/gm)].flatMap((m) => [...m[0].matchAll(/\((\d{3})[,)]/g)].map((c) => c[1])),
);

describe('source documents', () => {
  it('reads sources from both shipped organisation files', () => {
    expect(yamlFiles.sort()).toEqual(['goteborgsomradet.yaml', 'samla.yaml']);
    expect(sourcesUsed.length).toBeGreaterThan(20);
    expect(new Set(codesInQuotes)).toEqual(new Set(['000', '002']));
  });

  it('has a title for every source code used in orgs/*.yaml, in a rule or inside a quote', () => {
    const codes = [...new Set([...sourcesUsed.flatMap(sourceCodes), ...codesInQuotes])].sort();
    expect(codes).toEqual(['000', '001', '002', '003', '004']);
    expect(codes.filter((c) => SOURCE_DOCUMENTS[c] === undefined)).toEqual([]);
  });

  it('has a title for every seed text in orgs/sources', () => {
    const seeds = readdirSync(path.join(ORGS, 'sources')).map((f) => f.slice(0, 3));
    expect(seeds.filter((c) => SOURCE_DOCUMENTS[c] === undefined)).toEqual([]);
  });

  it('names documents by title and year', () => {
    expect(sourceTitles('000')).toBe('Uppdragsbeskrivning Ledningsgrupp, Beredningsgrupp, Temagrupper, NOSAM (2025)');
    expect(sourceTitles('001')).toBe('Uppdragsbeskrivning för Samordningsgruppen');
    expect(sourceTitles('003, 004')).toBe('Minnesanteckning gemensamt möte politiskt samråd och LGS (2023); Samverkansplan 2026–2029 (2025)');
    expect(sourceTitles('Inställning i Teams')).toBe('Inställning i Teams');
  });

  it('names the document after each marked passage of a quote', () => {
    expect(quoteWithTitles('Ordförande utses inom gruppen. (000, 2025) Det ska varvas. (002, 2022)')).toBe(
      'Ordförande utses inom gruppen. (Uppdragsbeskrivning Ledningsgrupp, Beredningsgrupp, Temagrupper, NOSAM, 2025) Det ska varvas. (Revidering av NOSAM:s uppdrag och mandat, 2022)',
    );
    expect(quoteWithTitles('in step with the political consultation (000, about LGS)')).toBe(
      'in step with the political consultation (Uppdragsbeskrivning Ledningsgrupp, Beredningsgrupp, Temagrupper, NOSAM, about LGS)',
    );
    expect(quoteWithTitles('(004)')).toBe('(Samverkansplan 2026–2029, 2025)');
  });
});
