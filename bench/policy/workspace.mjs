// The generated workspace: a folder with the policy file, where the edits happen, the line both
// servers must report, and the completion carets.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../support/random.mjs';
import { completionCarets } from './carets.mjs';
import { EDIT_VARIANTS, EDITED_POLICY, SEED } from './constants.mjs';
import { generatePolicyFile } from './generate/file.mjs';

export function createWorkspace() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'hana-backup-bench-'));
  const generated = generatePolicyFile();
  const file = path.join(folder, 'generated.backup-policy.yaml');
  writeFileSync(file, generated.text);
  return {
    folder,
    folderUri: pathToFileURL(folder).href,
    uri: pathToFileURL(file).href,
    text: generated.text,
    lineCount: generated.lines.length,
    bytes: Buffer.byteLength(generated.text),
    editRange: editLocation(generated.lines, generated.policyStartLine),
    badKeyLine: badKeyLine(generated.lines),
    carets: completionCarets(generated.lines, seededRandom(SEED + 1)),
  };
}

/** Where the edits happen: the value of `log: { interval: 15m }` in the edited policy. */
function editLocation(lines, policyStartLine) {
  const first = policyStartLine[EDITED_POLICY];
  const last = policyStartLine[EDITED_POLICY + 1] ?? lines.length;
  for (let line = first; line < last; line++) {
    const match = /^(\s*log: \{ interval: )(\S+) \}/.exec(lines[line]);
    if (match && match[2] === EDIT_VARIANTS[0]) {
      const character = match[1].length;
      return { start: { line, character }, end: { line, character: character + match[2].length } };
    }
  }
  throw new Error(`policy ${EDITED_POLICY} has no "log: { interval: ${EDIT_VARIANTS[0]} }" line`);
}

/** The line of the deliberately unknown key both servers must report (proof that yaml-ls validates). */
function badKeyLine(lines) {
  const line = lines.findIndex((text) => /\bparameterfile:/.test(text));
  if (line < 0) throw new Error('the generated file has no deliberately unknown key');
  return line;
}
