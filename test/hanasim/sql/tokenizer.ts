/**
 * A SQL tokenizer for the HANA dialect subset hanasim understands. Produces words (unquoted
 * identifiers and keywords, upper-cased in `value`), "quoted" identifiers (case kept, "" unescaped),
 * 'string' literals ('' unescaped), numbers, `?` parameters and operators, each with its 1-based
 * position. Comments (`-- …` and `/* … *\/`) and whitespace are skipped.
 */
import { HanaError } from '../shared/types';

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Normalized value: upper-cased word, unescaped identifier/string, number text, operator. */
  value: string;
  /** Source text of the token. */
  text: string;
  /** 1-based character position in the statement. */
  pos: number;
}

const OPERATORS = ['<>', '!=', '<=', '>=', '||', '=', '<', '>', '+', '-', '*', '/', ',', '(', ')', '.', ';'];

function lexError(sql: string, pos: number): HanaError {
  return new HanaError(
    257,
    `sql syntax error: incorrect syntax near "${sql.slice(pos - 1, pos + 9)}": at pos ${pos}`,
    '42000',
    pos,
  );
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const ch = sql[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) throw lexError(sql, i + 1);
      i = end + 2;
      continue;
    }
    const start = i;
    if (/[A-Za-z_]/.test(ch)) {
      while (i < n && /[A-Za-z0-9_#$]/.test(sql[i])) i++;
      const text = sql.slice(start, i);
      tokens.push({ kind: 'word', value: text.toUpperCase(), text, pos: start + 1 });
      continue;
    }
    if (ch === '"' || ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= n) throw lexError(sql, start + 1);
        if (sql[i] === ch) {
          if (sql[i + 1] === ch) {
            value += ch;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += sql[i++];
      }
      if (ch === '"' && value === '') throw lexError(sql, start + 1);
      tokens.push({
        kind: ch === '"' ? 'quoted' : 'string',
        value,
        text: sql.slice(start, i),
        pos: start + 1,
      });
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      while (i < n && /[0-9]/.test(sql[i])) i++;
      if (sql[i] === '.' && /[0-9]/.test(sql[i + 1] ?? '')) {
        i++;
        while (i < n && /[0-9]/.test(sql[i])) i++;
      }
      if (/[eE]/.test(sql[i] ?? '') && /[-+0-9]/.test(sql[i + 1] ?? '')) {
        i += /[-+]/.test(sql[i + 1]) ? 2 : 1;
        while (i < n && /[0-9]/.test(sql[i])) i++;
      }
      if (i < n && /[A-Za-z_]/.test(sql[i])) throw lexError(sql, start + 1);
      const text = sql.slice(start, i);
      tokens.push({ kind: 'number', value: text, text, pos: start + 1 });
      continue;
    }
    if (ch === '?') {
      tokens.push({ kind: 'param', value: '?', text: '?', pos: start + 1 });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => sql.startsWith(o, i));
    if (!op) throw lexError(sql, start + 1);
    tokens.push({ kind: 'op', value: op === '!=' ? '<>' : op, text: op, pos: start + 1 });
    i += op.length;
  }
  tokens.push({ kind: 'eof', value: '', text: '', pos: n + 1 });
  return tokens;
}

/** A cursor over tokens with the small helpers both parsers use. */
export class TokenStream {
  private i = 0;
  constructor(
    readonly sql: string,
    readonly tokens: Token[],
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
  }
  next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }
  /** Is the current token the keyword (unquoted word) `kw`? */
  isWord(kw: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'word' && t.value === kw;
  }
  isOp(op: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'op' && t.value === op;
  }
  acceptWord(...kws: string[]): boolean {
    for (let k = 0; k < kws.length; k++) if (!this.isWord(kws[k], k)) return false;
    this.i += kws.length;
    return true;
  }
  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.i++;
    return true;
  }
  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }
  /** Skips one trailing ';'. */
  acceptTerminator(): void {
    this.acceptOp(';');
  }
}
