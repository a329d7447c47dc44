import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { swedishErrorMap } from './swedishErrors';

/** One reason a file was refused: where (line and path) and why, in Swedish. */
export interface FileProblem {
  readonly file: string;
  readonly line: number;
  readonly path: string;
  readonly reason: string;
}

export type ParsedFile<T> = { ok: true; value: T } | { ok: false; problems: FileProblem[] };

/**
 * Parses YAML text and validates it with a zod schema. Every problem names the file,
 * the line and the path, so an editor of the organisation file can find it at once.
 */
export function parseYamlWith<S extends z.ZodTypeAny>(file: string, source: string, schema: S): ParsedFile<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        path: '',
        reason: `ogiltig YAML (kod ${e.code}): ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const js: unknown = doc.toJS();
  const parsed = schema.safeParse(js, { errorMap: swedishErrorMap });
  if (parsed.success) return { ok: true, value: parsed.data as z.infer<S> };
  const problems = parsed.error.issues.map((issue) => ({
    file,
    line: lineOf(doc, lineCounter, issue.path),
    path: issue.path.join('.'),
    reason: issue.message,
  }));
  return { ok: false, problems };
}

/** The line of the deepest node that exists along `path` (a missing key points at its parent). */
function lineOf(doc: ReturnType<typeof parseDocument>, lc: LineCounter, path: readonly (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return 1;
}

/** Formats problems for a log or a terminal: "orgs/x.yaml:12 groups.3.kind: reason". */
export function formatProblems(problems: readonly FileProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}${p.path ? ` ${p.path}` : ''}: ${p.reason}`).join('\n');
}
