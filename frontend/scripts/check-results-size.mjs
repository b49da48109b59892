#!/usr/bin/env node
// Holds the consultation results page to its budget: what opening it costs on top of the app's frame —
// its route chunk (consultation-results-*.js), its CSS and every chunk it imports statically that the
// frame (dist/index.html's scripts, stylesheets and their static imports) does not already load — may
// weigh at most 80 KB gzipped (zlib level 6, as a server compresses them). A chart library pulled into
// the page, directly or through a shared chunk, shows up here. Run after `vite build`; exits 1 over
// budget or when a file is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 80 * 1024;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const assets = path.join(dist, 'assets');
const page = path.join(dist, 'index.html');

function fail(message) {
  console.error(`size:results: ${message}`);
  process.exit(1);
}

if (!existsSync(page)) fail(`${path.relative(root, page)} does not exist; run \`vite build\` first.`);

/** `file` and every JS or CSS file it imports statically (dynamic `import()`s load later, on demand). */
function staticClosure(start) {
  const seen = new Set();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    if (!existsSync(file)) fail(`${path.relative(root, file)} is referenced but missing.`);
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(file, 'utf8');
    // `import{a}from"./x.js"` and `import"./x.js"`, but not `import("./x.js")`.
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.(?:m?js|css))["']/g)) {
      queue.push(path.resolve(path.dirname(file), m[1]));
    }
  }
  return seen;
}

// The frame: what index.html loads before any page.
const html = readFileSync(page, 'utf8');
const frameStart = [];
for (const match of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"[^>]*>/g)) {
  const tag = match[0];
  const isAsset = tag.startsWith('<script') || /rel="(?:stylesheet|modulepreload)"/.test(tag);
  const url = match[1].split(/[?#]/)[0];
  if (!isAsset || /^(?:[a-z]+:)?\/\//i.test(url) || !/\.(?:m?js|css)$/.test(url)) continue;
  frameStart.push(url.startsWith('/') ? path.join(dist, url) : path.resolve(dist, url));
}
const frame = staticClosure(frameStart);

// The page: its route chunk (named after src/app/routes/app/consultation-results.tsx) and its CSS.
const own = readdirSync(assets)
  .filter((name) => /^consultation-results-[\w-]+\.(?:js|css)$/.test(name))
  .map((name) => path.join(assets, name));
if (!own.some((file) => file.endsWith('.js'))) fail('no consultation-results-*.js chunk in dist/assets.');
const rows = [...staticClosure(own)]
  .filter((file) => !frame.has(file))
  .map((file) => {
    const content = readFileSync(file);
    return { file: path.relative(dist, file), raw: content.length, gzip: gzipSync(content, { level: 6 }).length };
  });

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
for (const row of rows.sort((a, b) => b.gzip - a.gzip)) {
  console.log(`${kb(row.gzip).padStart(10)} gzip  ${kb(row.raw).padStart(10)} raw  ${row.file}`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`The results page loads ${kb(total)} of JS and CSS beyond the frame, gzipped: ${verdict} the ${kb(BUDGET_BYTES)} budget.`);
process.exit(total <= BUDGET_BYTES ? 0 : 1);
