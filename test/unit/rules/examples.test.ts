import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnose } from '../support/kit';

const POLICIES = path.resolve(__dirname, '../../fixtures/shared-examples/workspace/policies');
// HBP140 needs the configuration files next to the policies: test/unit/config/examples.test.ts checks it.
const NOT_YET_IMPLEMENTED = new Set(['HBP140']);

/** `# expect: HBP110 (…) and HBP103 (…)` → the codes expected on that line (0-based). */
function expectations(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, index) => {
      const comment = /#\s*expect:(.*)$/.exec(line);
      if (!comment) return [];
      return [...comment[1].matchAll(/\b(HB[A-Z]\d{3})\b/g)].map((m) => `${index}:${m[1]}`);
    })
    .filter((entry) => !NOT_YET_IMPLEMENTED.has(entry.split(':')[1]))
    .sort();
}

describe('the example policies', () => {
  for (const file of fs.readdirSync(POLICIES).filter((f) => f.endsWith('.yaml'))) {
    it(`${file} reports exactly its expect: diagnostics`, () => {
      const text = fs.readFileSync(path.join(POLICIES, file), 'utf8');
      const actual = diagnose(text)
        .map((f) => `${f.line}:${f.code}`)
        .sort();
      assert.deepEqual(actual, expectations(text));
    });
  }

  it('the sandbox findings sit on the values at fault', () => {
    const text = fs.readFileSync(path.join(POLICIES, 'sandbox.backup-policy.yaml'), 'utf8');
    assert.deepEqual(
      diagnose(text).map((f) => `${f.code}=${f.text}`),
      ['HBP101=20m', 'HBP110=14m', 'HBP103=14m'],
    );
  });

  it('the vendored examples are the shared ones, when the shared folder is present', function () {
    const shared = path.resolve(__dirname, '../../../../shared/examples/workspace/policies');
    if (!fs.existsSync(shared)) this.skip();
    for (const file of fs.readdirSync(shared)) {
      assert.equal(
        fs.readFileSync(path.join(POLICIES, file), 'utf8'),
        fs.readFileSync(path.join(shared, file), 'utf8'),
        file,
      );
    }
  });
});
