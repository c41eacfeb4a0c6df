// What the reports of both benchmarks share: verdicts, formats, Markdown rows, the results file.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR, ROOT } from './paths.mjs';

export function verdict(value, limit, { atMost = false } = {}) {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  return (atMost ? value <= limit : value < limit) ? 'met' : 'MISSED';
}

/** `12 ms`, `3.4 ms`; with `grouped`, thousands get a separator (`1,234 ms`). */
export function fmtMs(value, { grouped = false } = {}) {
  if (value === undefined) return 'n/a';
  if (value < 10) return `${value.toFixed(1)} ms`;
  return `${grouped ? Math.round(value).toLocaleString('en') : Math.round(value)} ms`;
}

export const tableRow = (cells) => `| ${cells.join(' | ')} |`;

/** Writes bench/results/<name> (pretty JSON) and says so. */
export function writeResultsFile(name, json) {
  const file = path.join(RESULTS_DIR, name);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  console.log(`\nWrote ${path.relative(ROOT, file)}`);
}
