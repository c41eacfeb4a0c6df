import type { Range } from '../types';

/** A `key = value` line, with the ranges quick fixes and diagnostics need. */
export interface IniEntry {
  section: string;
  /** Line of the section header the entry sits under (-1 before any header). */
  sectionLine: number;
  key: string;
  value: string;
  line: number;
  keyRange: Range;
  valueRange: Range;
  /** The whole line, end of line excluded. */
  lineRange: Range;
}

export interface IniSection {
  name: string;
  line: number;
  nameRange: Range;
  entries: IniEntry[];
  /** Last line that belongs to the section (before the next header or the end). */
  lastLine: number;
}

export interface IniDirective {
  layer?: string;
  host?: string;
  database?: string;
  sid?: string;
  line: number;
  range: Range;
}

export interface ParsedIni {
  lines: string[];
  /** The line break the file uses, so edits keep it. */
  eol: '\n' | '\r\n';
  sections: IniSection[];
  entries: IniEntry[];
  /** Lines that are neither section, entry, comment nor blank. */
  invalid: { line: number; range: Range; text: string }[];
  directive?: IniDirective;
  /** HANA's own `# global.ini last modified … by hdbnameserver` line, kept intact by every edit. */
  headerLine?: number;
}

const SECTION = /^(\s*)\[([^\]]*)\]\s*(?:[#;].*)?$/;
const ENTRY = /^(\s*)([^=\s#;[][^=]*?)\s*=\s*(.*?)\s*$/;
const COMMENT = /^\s*[#;]/;
const DIRECTIVE = /^\s*#\s*hana-backup:\s*(.*)$/i;
const HEADER = /^#\s*\S+\.ini last modified\b/;
/** The directive must be among the first comment lines of the file. */
const DIRECTIVE_SCAN_LINES = 10;

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function parseDirective(text: string, line: number): IniDirective {
  const directive: IniDirective = { line, range: range(line, 0, text.length) };
  for (const pair of text.matchAll(/(\w+)\s*=\s*([^\s,;]+)/g)) {
    const key = pair[1].toLowerCase();
    if (key === 'layer' || key === 'host' || key === 'database' || key === 'sid') directive[key] = pair[2];
  }
  return directive;
}

/**
 * Reads HANA's ini dialect line by line, keeping every line as written: existing ini packages drop
 * comments, duplicate keys and positions, and HANA's header line must survive any edit untouched.
 */
export function parseIni(text: string): ParsedIni {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // Lines as the editor counts them (LSP: CRLF, LF and a lone CR each end a line); otherwise every
  // range after a lone CR points one line off and quick fixes edit the wrong lines.
  const lines = text.split(/\r\n|\r|\n/);
  const sections: IniSection[] = [];
  const entries: IniEntry[] = [];
  const invalid: ParsedIni['invalid'] = [];
  let directive: IniDirective | undefined;
  let headerLine: number | undefined;
  let current: IniSection | undefined;
  let onlyCommentsSoFar = true;

  lines.forEach((raw, line) => {
    const text = raw;
    if (!text.trim()) return;
    if (COMMENT.test(text)) {
      if (line === 0 && HEADER.test(text)) headerLine = 0;
      const match = DIRECTIVE.exec(text);
      if (match && onlyCommentsSoFar && line < DIRECTIVE_SCAN_LINES && !directive)
        directive = parseDirective(match[1], line);
      return;
    }
    onlyCommentsSoFar = false;
    const section = SECTION.exec(text);
    if (section) {
      if (current) current.lastLine = line - 1;
      const start = section[1].length + 1;
      current = {
        name: section[2].trim(),
        line,
        nameRange: range(line, start, start + section[2].length),
        entries: [],
        lastLine: line,
      };
      sections.push(current);
      return;
    }
    const entry = ENTRY.exec(text);
    if (entry) {
      const keyStart = entry[1].length;
      const key = entry[2];
      const afterEquals = text.indexOf('=', keyStart + key.length) + 1;
      const valueStart =
        afterEquals + (text.length - afterEquals - text.slice(afterEquals).trimStart().length);
      const item: IniEntry = {
        section: current?.name ?? '',
        sectionLine: current?.line ?? -1,
        key,
        value: entry[3],
        line,
        keyRange: range(line, keyStart, keyStart + key.length),
        valueRange: range(line, valueStart, valueStart + entry[3].length),
        lineRange: range(line, 0, text.length),
      };
      entries.push(item);
      current?.entries.push(item);
      return;
    }
    invalid.push({
      line,
      range: range(line, text.length - text.trimStart().length, text.trimEnd().length),
      text: text.trim(),
    });
  });
  if (current) current.lastLine = lastNonBlank(lines, current.line);
  for (let i = 0; i < sections.length - 1; i++)
    sections[i].lastLine = lastNonBlank(lines, sections[i].line, sections[i + 1].line - 1);
  return { lines, eol, sections, entries, invalid, directive, headerLine };
}

/** Last line of a section's content: comments after it may introduce what follows, so they do not count. */
function lastNonBlank(lines: string[], from: number, to = lines.length - 1): number {
  let last = from;
  for (let line = from; line <= to; line++) if (lines[line].trim() && !COMMENT.test(lines[line])) last = line;
  return last;
}
