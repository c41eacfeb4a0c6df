import * as assert from 'node:assert/strict';
import { TestWorkspace, exampleFiles } from '../support/workspace';

/**
 * `# expect: HBI010 …` names the codes expected on its own line in YAML files, and on the next
 * parameter line in ini files (a comment cannot share a line with an ini value).
 */
function expectations(file: string, text: string): string[] {
  const lines = text.split('\n');
  const result: string[] = [];
  lines.forEach((line, index) => {
    const comment = /#\s*expect:(.*)$/.exec(line);
    if (!comment) return;
    let target = index;
    if (/\.ini$/.test(file)) {
      target = lines.findIndex((l, i) => i > index && l.trim() !== '' && !/^\s*[#;[]/.test(l));
    }
    for (const code of comment[1].matchAll(/\b(HB[A-Z]\d{3})\b/g)) result.push(`${target}:${code[1]}`);
  });
  return result.sort();
}

describe('the example workspace', () => {
  const files = exampleFiles();
  const ws = new TestWorkspace(files);
  for (const file of Object.keys(files).sort()) {
    it(`${file.slice(1)} reports exactly its expect: diagnostics`, () => {
      const actual = ws
        .check(file)
        .map((f) => `${f.line}:${f.code}`)
        .sort();
      assert.deepEqual(actual, expectations(file, files[file]));
    });
  }
});
