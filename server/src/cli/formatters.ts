import { CONFIG_RULES, POLICY_RULES } from '../languageService';
import { BACKINT_RULES } from '../languageService/backint';
import type { LintProblem } from './lintFiles';

export function formatText(problems: LintProblem[], fileCount: number): string {
  const lines = problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code} ${p.message}`);
  const count = (severity: LintProblem['severity']) => problems.filter((p) => p.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('information') + count('hint');
  lines.push(
    `${fileCount} file${fileCount === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} information`,
  );
  return lines.join('\n') + '\n';
}

export function formatJson(problems: LintProblem[]): string {
  return JSON.stringify(problems, null, 2) + '\n';
}

const SARIF_LEVEL: Record<LintProblem['severity'], string> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** SARIF 2.1.0, for code-scanning uploads (GitHub, Azure DevOps). */
export function formatSarif(problems: LintProblem[], version: string): string {
  const rules = Object.entries({ ...POLICY_RULES, ...CONFIG_RULES, ...BACKINT_RULES }).map(([id, rule]) => ({
    id,
    name: rule.title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
    shortDescription: { text: rule.title },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hana-backup',
            version,
            informationUri: 'https://github.com/hana-backup/hana-backup',
            rules,
          },
        },
        results: problems.map((p) => ({
          ruleId: p.code,
          ruleIndex: ruleIndex.get(p.code),
          level: SARIF_LEVEL[p.severity],
          message: { text: p.message },
          locations: [
            {
              physicalLocation: {
                // A URI reference relative to the working folder: spaces and `#` must be escaped.
                artifactLocation: { uri: p.file.split('/').map(encodeURIComponent).join('/') },
                region: {
                  startLine: p.line,
                  startColumn: p.column,
                  endLine: p.endLine,
                  endColumn: p.endColumn,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
