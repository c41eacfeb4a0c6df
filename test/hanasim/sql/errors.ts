/** HANA error constructors with HANA's codes and message shapes (positions are 1-based). */
import { HanaError } from '../shared/types';
import type { Token } from './tokenizer';

function where(sql: string, pos: number): string {
  const before = sql.slice(0, Math.max(0, pos - 1));
  const line = before.split('\n').length;
  const col = pos - (before.lastIndexOf('\n') + 1);
  return `line ${line} col ${col} (at pos ${pos})`;
}

/** 257: the first token not understood (or end of statement). */
export function syntaxError(sql: string, token: Token | undefined, detail?: string): HanaError {
  const pos = token ? token.pos : sql.length + 1;
  const near = token ? token.text : '';
  const extra = detail ? ` (${detail})` : '';
  return new HanaError(
    257,
    `sql syntax error: incorrect syntax near "${near}"${extra}: ${where(sql, pos)}`,
    '42000',
    pos,
  );
}

/** 259: unknown table or view. */
export function invalidTable(sql: string, token: Token, schema: string, name: string): HanaError {
  return new HanaError(
    259,
    `invalid table name:  Could not find table/view ${name} in schema ${schema}: ${where(sql, token.pos)}`,
    'HY000',
    token.pos,
  );
}

/** 260: unknown column. */
export function invalidColumn(sql: string, token: Token, name: string): HanaError {
  return new HanaError(260, `invalid column name: ${name}: ${where(sql, token.pos)}`, 'HY000', token.pos);
}

/** 268: a column name that matches more than one table in the FROM clause. */
export function ambiguousColumn(sql: string, token: Token, name: string): HanaError {
  return new HanaError(
    268,
    `column ambiguously defined: ${name}: ${where(sql, token.pos)}`,
    'HY000',
    token.pos,
  );
}
