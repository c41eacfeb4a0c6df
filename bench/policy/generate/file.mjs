// The generated file: 200 policies in one multi-document file, deterministic for a given seed.
import { seededRandom } from '../../support/random.mjs';
import { POLICY_COUNT, SEED, TARGET_LINES } from '../constants.mjs';
import { mistakeOf, policyLines } from './policy.mjs';

/**
 * The whole file, calibrated to TARGET_LINES lines so its size does not depend on how the dice fell:
 * review comments are added to policies when it is short, header comments of policies without a
 * deliberate mistake are dropped when it is long (both spread evenly over the file).
 */
export function generatePolicyFile() {
  const random = seededRandom(SEED);
  const policies = Array.from({ length: POLICY_COUNT }, (_, i) => policyLines(i, random));
  const separators = POLICY_COUNT - 1;
  const excess = policies.reduce((sum, lines) => sum + lines.length, 0) + separators - TARGET_LINES;
  if (excess > 0) {
    const plain = policies.filter((lines, i) => !mistakeOf(i) && lines[0].startsWith('#'));
    const drop = Math.min(excess, plain.length);
    for (let k = 0; k < drop; k++) plain[Math.floor((k * plain.length) / drop)].shift();
  }
  for (let k = 0; k < -excess; k++) {
    const lines = policies[Math.floor((k * POLICY_COUNT) / -excess)];
    lines.splice(lines.indexOf('spec:') + 1, 0, `  # reviewed: CHG-${String(10000 + k)} (basis team)`);
  }
  const lines = [];
  const policyStartLine = [];
  policies.forEach((policy, i) => {
    if (i > 0) lines.push('---');
    policyStartLine.push(lines.length);
    lines.push(...policy);
  });
  return { text: lines.join('\n') + '\n', lines, policyStartLine };
}
