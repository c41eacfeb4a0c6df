import type { BackintEntry, BackintValue, ParsedBackintFile } from '../model';

// `KEY value` as IBM's profile writes it; `KEY=value` too, which other agents' files use (Huawei).
const ENTRY = /^([ \t]*)([A-Za-z_][\w.$-]*)(?:([ \t]*=[ \t]*|[ \t]+)(.*?))?[ \t]*$/;

function unquote(source: string): Pick<BackintValue, 'value' | 'style'> {
  const quote = source[0];
  if (source.length >= 2 && (quote === '"' || quote === "'") && source.endsWith(quote)) {
    return { value: source.slice(1, -1), style: quote === '"' ? 'double' : 'single' };
  }
  return { value: source, style: 'plain' };
}

/**
 * Reads `KEY value` lines (IBM `init<SID>.utl`, Commvault `param`, other `*.utl`/`*.par`). Lines that
 * fit no pattern are left alone: the formats are loose and the agents document no grammar for them.
 */
export function parseUtlLines(text: string): ParsedBackintFile {
  const entries: BackintEntry[] = [];
  // Line ends as the editor counts them (LSP): CRLF, LF and a lone CR alike.
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = 0;
  while (lineStart <= text.length) {
    lineBreak.lastIndex = lineStart;
    const found = lineBreak.exec(text);
    const newline = found ? found.index : -1;
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const match = /^\s*#/.test(line) ? null : ENTRY.exec(line);
    if (match) {
      const [, indent, key, separator = '', rest = ''] = match;
      const keyStart = lineStart + indent.length;
      const entry: BackintEntry = { key, keyStart, keyEnd: keyStart + key.length, nested: indent.length > 0 };
      if (rest) {
        const start = keyStart + key.length + separator.length;
        entry.value = { shape: 'string', source: rest, start, end: start + rest.length, ...unquote(rest) };
      }
      entries.push(entry);
    }
    if (!found) break;
    lineStart = newline + found[0].length;
  }
  return { kind: 'utl', text, entries, syntax: [] };
}
