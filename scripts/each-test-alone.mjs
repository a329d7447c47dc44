#!/usr/bin/env node
/**
 * Runs every test of the given files or folders on its own (`jest -t '<exact full name>'`), one jest
 * process per test, to show that no test depends on state an earlier test left behind.
 *
 *   node scripts/each-test-alone.mjs tests/e2e            # every e2e test, one at a time
 *   node scripts/each-test-alone.mjs tests/e2e/chairs.test.ts tests/unit/meetings.test.ts
 *
 * Names come from `jest --listTests` (the files) and one `jest --json` run of them all (the tests in each).
 * A single run counts as passed only when exactly one test ran and it passed, so a name pattern that
 * selects nothing (or several tests) is reported, not silently green. Exit code 1 when any test fails.
 * Slow on purpose (one jest start per test): run it once, not in a loop.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const jestBin = path.join(root, 'node_modules', '.bin', 'jest');
const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: node scripts/each-test-alone.mjs <test file or folder>...');
  process.exit(2);
}
const work = mkdtempSync(path.join(tmpdir(), 'each-test-alone-'));

/** Runs jest with a JSON report; returns the parsed report (or null when jest wrote none). */
function jestJson(extra) {
  const out = path.join(work, `r${Date.now()}-${Math.random().toString(16).slice(2)}.json`);
  const r = spawnSync(jestBin, ['--runInBand', '--silent', '--json', `--outputFile=${out}`, ...extra], { cwd: root, encoding: 'utf8' });
  try {
    return JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    return { error: `${r.stdout}\n${r.stderr}`.trim().slice(-2000) };
  }
}

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const listed = spawnSync(jestBin, ['--listTests', ...args], { cwd: root, encoding: 'utf8' });
const files = listed.stdout
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.endsWith('.ts'))
  // In the order the arguments name them (a file named before its folder runs first), then by path.
  .map((f) => [args.map((a) => path.resolve(root, a)).findIndex((a) => f === a || f.startsWith(`${a}${path.sep}`)), f])
  .sort(([ra, a], [rb, b]) => ra - rb || (a < b ? -1 : a > b ? 1 : 0))
  .map(([, f]) => f);
if (files.length === 0) {
  console.error(`no test files under ${args.join(' ')}`);
  process.exit(2);
}

const failures = [];
let passed = 0;
// One run lists every test of every file (and shows how the suite fares in order).
const whole = jestJson(['--runTestsByPath', ...files]);
const byFile = new Map((whole.testResults ?? []).map((t) => [t.name, t]));
for (const file of files) {
  const rel = path.relative(root, file);
  const names = (byFile.get(file)?.assertionResults ?? []).map((a) => a.fullName);
  if (names.length === 0) {
    failures.push({ file: rel, name: '(could not list tests)', why: whole.error ?? byFile.get(file)?.message ?? 'no tests' });
    continue;
  }
  console.log(`${rel}: ${names.length} tests`);
  for (const name of names) {
    const r = jestJson(['--runTestsByPath', file, '-t', `^${escapeRegex(name)}$`]);
    const ok = r.numPassedTests === 1 && r.numFailedTests === 0;
    if (ok) passed++;
    else {
      const message =
        (r.testResults ?? []).flatMap((t) => t.assertionResults.flatMap((a) => a.failureMessages)).join('\n') ||
        r.testResults?.[0]?.message ||
        r.error ||
        `ran ${r.numPassedTests ?? 0} passed, ${r.numFailedTests ?? 0} failed`;
      failures.push({ file: rel, name, why: message.split('\n').slice(0, 6).join('\n') });
    }
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}`);
  }
}
rmSync(work, { recursive: true, force: true });

console.log(`\n${passed} passed alone, ${failures.length} failed alone`);
for (const f of failures) console.log(`\nFAIL ${f.file} › ${f.name}\n${f.why}`);
process.exit(failures.length === 0 ? 0 : 1);
