import type { Node } from 'yaml';
import type { ParsedPolicyFile, PolicyYamlDocument } from '../parsing/policyFile';
import type { Diagnostic } from '../types';

const NEXT_LINE = /#\s*hana-backup-disable-next-line\b([^#\n]*)/;
const WHOLE_DOCUMENT = /^\s*#\s*hana-backup-disable(?!-)\b([^#\n]*)/;

/** `null` means every code. */
type Codes = Set<string> | null;

function parseCodes(text: string): Codes {
  const codes = text
    .split(/[\s,]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => /^HB[A-Z]\d{3}$/.test(code));
  return codes.length ? new Set(codes) : null;
}

function silences(codes: Codes, code: unknown): boolean {
  return codes === null || codes.has(String(code));
}

/**
 * Applies `# hana-backup-disable-next-line [codes]` (the next line) and `# hana-backup-disable [codes]`
 * written before a document's first key (the whole document). YAML syntax errors are never silenced.
 */
export function applySuppressions(
  file: ParsedPolicyFile,
  doc: PolicyYamlDocument,
  diagnostics: Diagnostic[],
): Diagnostic[] {
  const text = file.text.slice(doc.start, doc.end);
  if (diagnostics.length === 0 || !text.includes('hana-backup-disable')) return diagnostics;
  const contentsStart = (doc.yaml.contents as Node | null)?.range?.[0] ?? doc.end;
  const headEnd = file.textDocument.positionAt(contentsStart).line;
  const byLine = new Map<number, Codes>();
  const documentWide: Codes[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    if (!lineText.includes('hana-backup-disable')) return;
    const line = doc.startLine + index;
    const next = NEXT_LINE.exec(lineText);
    if (next) {
      byLine.set(line + 1, parseCodes(next[1]));
      return;
    }
    const whole = WHOLE_DOCUMENT.exec(lineText);
    if (whole && line < headEnd) documentWide.push(parseCodes(whole[1]));
  });
  if (byLine.size === 0 && documentWide.length === 0) return diagnostics;
  return diagnostics.filter((diagnostic) => {
    if (diagnostic.code === 'HBP001') return true;
    if (documentWide.some((codes) => silences(codes, diagnostic.code))) return false;
    const codes = byLine.get(diagnostic.range.start.line);
    return codes === undefined || !silences(codes, diagnostic.code);
  });
}
