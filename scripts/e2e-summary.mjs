// Prints, last in the log, each journey that failed or needed its retry, with the step that failed and
// the error's first lines: CI shows only the tail of a long log, and Playwright's list reporter prints
// errors before its own summary. Reads artifacts/e2e/results.json (Playwright's JSON reporter).
import { readFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.log(`e2e summary: no readable report at ${file} (${e.message})`);
  process.exit(0);
}

const strip = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');
const lines = [];
const walk = (suite, path) => {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      const failed = (test.results ?? []).filter((r) => r.status !== 'passed' && r.status !== 'skipped');
      if (failed.length === 0) continue;
      const verdict = test.status === 'flaky' ? 'FLAKY (failed, then passed on retry)' : 'FAILED';
      lines.push(`${verdict}: ${[...path, spec.title].join(' › ')} (${spec.file}:${spec.line})`);
      for (const r of failed) {
        const err = r.error ?? r.errors?.[0] ?? {};
        const where = err.location ? ` at ${err.location.file.split('/').slice(-2).join('/')}:${err.location.line}` : '';
        lines.push(`  attempt ${r.retry + 1}: ${r.status} after ${Math.round(r.duration / 1000)} s${where}`);
        for (const l of strip(err.message ?? '(no message)').split('\n').slice(0, 12)) lines.push(`    ${l}`);
      }
    }
  }
  for (const child of suite.suites ?? []) walk(child, suite.title ? [...path, suite.title] : path);
};
for (const suite of report.suites ?? []) walk(suite, []);

console.log('\n== Browser journeys: failures and retries ==');
console.log(lines.length ? lines.join('\n') : 'none');
