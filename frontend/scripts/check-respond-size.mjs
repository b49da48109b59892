#!/usr/bin/env node
// Holds the public response page to its budget: the JS and CSS that dist/respond.html loads — its
// scripts, stylesheets and module preloads, and every chunk those scripts import, statically or
// dynamically — may weigh at most 150 KB gzipped (as a server compresses them, zlib level 6).
// Run after `vite build` (`npm run size:respond` does both); exits 1 over budget or when a file is missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const page = path.join(dist, 'respond.html');

if (!existsSync(page)) {
  console.error(`size:respond: ${path.relative(root, page)} does not exist; run \`vite build\` first.`);
  process.exit(1);
}

/** The local asset a URL in the built HTML or JS points at, or null for anything off-site. */
function localFile(url, fromFile) {
  if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return null;
  const clean = url.split(/[?#]/)[0];
  return clean.startsWith('/') ? path.join(dist, clean) : path.resolve(path.dirname(fromFile), clean);
}

const html = readFileSync(page, 'utf8');
const queue = [];
for (const match of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"[^>]*>/g)) {
  const tag = match[0];
  const isAsset = tag.startsWith('<script') || /rel="(?:stylesheet|modulepreload)"/.test(tag);
  const file = isAsset ? localFile(match[1], page) : null;
  if (file && /\.(?:m?js|css)$/.test(file)) queue.push(file);
}

const seen = new Set();
const rows = [];
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  if (!existsSync(file)) {
    console.error(`size:respond: ${path.relative(root, file)} is referenced but missing.`);
    process.exit(1);
  }
  const content = readFileSync(file);
  rows.push({ file: path.relative(dist, file), raw: content.length, gzip: gzipSync(content).length });
  if (!file.endsWith('js')) continue;
  const code = content.toString('utf8');
  // Static and dynamic imports of sibling chunks ("./x.js"), and Vite's preload list ("assets/x.js").
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+\.(?:m?js|css))["']/g)) {
    queue.push(path.resolve(path.dirname(file), m[1]));
  }
  for (const m of code.matchAll(/["'](assets\/[^"']+\.(?:m?js|css))["']/g)) queue.push(path.join(dist, m[1]));
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
for (const row of rows.sort((a, b) => b.gzip - a.gzip)) {
  console.log(`${kb(row.gzip).padStart(10)} gzip  ${kb(row.raw).padStart(10)} raw  ${row.file}`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`respond.html loads ${kb(total)} of JS and CSS gzipped: ${verdict} the ${kb(BUDGET_BYTES)} budget.`);
process.exit(total <= BUDGET_BYTES ? 0 : 1);
