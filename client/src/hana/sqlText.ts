/**
 * Statement text for HANA with every value either bound or quoted.
 *
 * Rule: a value goes into a statement as a `?` parameter wherever HANA accepts a parameter (WHERE,
 * SELECT lists, INSERT/UPDATE values, CALL arguments of procedures with parameters). HANA does NOT
 * accept parameters in its administrative statements, so there values are inlined as quoted
 * literals ({@link literal}) or quoted identifiers ({@link identifier}):
 *
 * - `BACKUP DATA … FOR <database>` — identifier
 * - `USING FILE|BACKINT ('<prefix>')` — literal
 * - `COMMENT '<text>'` (BACKUP DATA, CREATE SNAPSHOT, ALTER CONFIGURATION) — literal
 * - `CLOSE SNAPSHOT BACKUP_ID <id> SUCCESSFUL '<external id>' | UNSUCCESSFUL '<text>'` — integer, literal
 * - `BACKUP CANCEL <id>`, `BACKUP CATALOG DELETE … BACKUP_ID <id>` — integer ({@link integer})
 * - `ALTER SYSTEM ALTER CONFIGURATION ('<file>', '<layer>', '<name>') SET ('<section>', '<key>') = '<value>'` — literals
 * - `ALTER SYSTEM STOP|START DATABASE <database>` — identifier
 * - `RECOVER … UNTIL TIMESTAMP '<ts>'` — literal
 */

export type SqlParameter = string | number | boolean | null | Buffer;

/** A statement: text with `?` markers and the values bound to them, in order. */
export class SqlStatement {
  constructor(
    readonly text: string,
    readonly params: readonly SqlParameter[] = [],
  ) {}

  /** The text with the parameters shown inline (quoted) — for "Copy SQL" and confirmations only. */
  toDisplayString(): string {
    let index = 0;
    return this.text.replace(/\?|'(?:[^']|'')*'|"(?:[^"]|"")*"/g, (match) => {
      if (match !== '?') return match;
      const value = this.params[index++];
      if (value === null || value === undefined) return 'NULL';
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      if (Buffer.isBuffer(value)) return `X'${value.toString('hex').toUpperCase()}'`;
      return quoteLiteral(value);
    });
  }
}

function rejectNul(value: string, what: string): void {
  if (value.includes('\0')) throw new RangeError(`A ${what} cannot contain a NUL character.`);
}

/** `"name"` with embedded double quotes doubled. Case is kept (quoted identifiers are case-sensitive). */
export function quoteIdentifier(name: string): string {
  if (name.length === 0) throw new RangeError('An identifier cannot be empty.');
  if (name.length > 127) throw new RangeError('An identifier is at most 127 characters long.');
  rejectNul(name, 'identifier');
  return `"${name.replace(/"/g, '""')}"`;
}

/** `'text'` with embedded single quotes doubled. */
export function quoteLiteral(text: string): string {
  rejectNul(text, 'string literal');
  return `'${text.replace(/'/g, "''")}'`;
}

const IDENTIFIER = Symbol('identifier');
const LITERAL = Symbol('literal');
const TRUSTED = Symbol('trusted');

interface Identifier {
  readonly [IDENTIFIER]: string;
}
interface Literal {
  readonly [LITERAL]: string;
}
interface Trusted {
  readonly [TRUSTED]: string;
}

/** A name inlined as a quoted identifier (where HANA takes no parameter). */
export function identifier(name: string): Identifier {
  return { [IDENTIFIER]: quoteIdentifier(name) };
}

/** A string inlined as a quoted literal (where HANA takes no parameter, e.g. COMMENT '…'). */
export function literal(text: string): Literal {
  return { [LITERAL]: quoteLiteral(text) };
}

/** A non-negative safe integer inlined as is (BACKUP_ID <id>). */
export function integer(value: number | bigint | string): Trusted {
  const text = String(value);
  if (!/^\d{1,19}$/.test(text)) throw new RangeError(`Not a non-negative integer: ${JSON.stringify(text)}`);
  return { [TRUSTED]: text };
}

/** A keyword from a fixed set the caller chose (DIFFERENTIAL, BACKINT …): letters, digits, _ and spaces only. */
export function keyword(word: string): Trusted {
  if (!/^[A-Za-z_][A-Za-z0-9_ ]*$/.test(word)) throw new RangeError(`Not a keyword: ${JSON.stringify(word)}`);
  return { [TRUSTED]: word };
}

export type SqlValue = SqlParameter | Identifier | Literal | Trusted | SqlStatement;

/**
 * Tagged template: plain values become `?` parameters; {@link identifier}, {@link literal},
 * {@link integer} and {@link keyword} are inlined safely; a nested {@link SqlStatement} is spliced in
 * with its parameters.
 *
 * @example sql`SELECT * FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = ${db}`
 * @example sql`BACKUP DATA FOR ${identifier(db)} USING FILE (${literal(prefix)}) COMMENT ${literal(c)}`
 */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): SqlStatement {
  let text = strings[0];
  const params: SqlParameter[] = [];
  values.forEach((value, i) => {
    if (value instanceof SqlStatement) {
      text += value.text;
      params.push(...value.params);
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      if (IDENTIFIER in value) text += value[IDENTIFIER];
      else if (LITERAL in value) text += value[LITERAL];
      else if (TRUSTED in value) text += value[TRUSTED];
      else throw new TypeError('Unsupported value in a SQL template.');
    } else if (value === undefined) {
      throw new TypeError('undefined in a SQL template (use null for NULL).');
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1];
  });
  return new SqlStatement(text, params);
}

export type BackupType = 'complete' | 'differential' | 'incremental';

export interface BackupDataOptions {
  /** Database to back up from the SYSTEMDB; omitted: the database connected to. */
  database?: string;
  type?: BackupType;
  destination: 'file' | 'backint';
  /** File prefix / Backint path. */
  prefix: string;
  asynchronous?: boolean;
  comment?: string;
}

/** `BACKUP DATA [DIFFERENTIAL|INCREMENTAL] [FOR "<db>"] USING FILE|BACKINT ('<prefix>') [ASYNCHRONOUS] [COMMENT '<c>']`. */
export function backupDataStatement(options: BackupDataOptions): SqlStatement {
  const type =
    options.type && options.type !== 'complete' ? sql` ${keyword(options.type.toUpperCase())}` : sql``;
  const target = options.database !== undefined ? sql` FOR ${identifier(options.database)}` : sql``;
  const using = keyword(options.destination === 'file' ? 'FILE' : 'BACKINT');
  const asynchronous = options.asynchronous ? sql` ASYNCHRONOUS` : sql``;
  const comment = options.comment !== undefined ? sql` COMMENT ${literal(options.comment)}` : sql``;
  return sql`BACKUP DATA${type}${target} USING ${using} (${literal(options.prefix)})${asynchronous}${comment}`;
}

export type ConfigurationLayer = 'SYSTEM' | 'DATABASE' | 'HOST';

export interface SetConfigurationOptions {
  file: string;
  layer: ConfigurationLayer;
  /** Database or host name for the DATABASE and HOST layers. */
  layerName?: string;
  section: string;
  key: string;
  value: string;
  reconfigure?: boolean;
  comment?: string;
}

/** `ALTER SYSTEM ALTER CONFIGURATION ('<file>', '<layer>'[, '<name>']) SET ('<section>', '<key>') = '<value>' …`. */
export function setConfigurationStatement(options: SetConfigurationOptions): SqlStatement {
  const name = options.layerName !== undefined ? sql`, ${literal(options.layerName)}` : sql``;
  const reconfigure = options.reconfigure === false ? sql`` : sql` WITH RECONFIGURE`;
  const comment = options.comment !== undefined ? sql` COMMENT ${literal(options.comment)}` : sql``;
  return sql`ALTER SYSTEM ALTER CONFIGURATION (${literal(options.file)}, ${literal(options.layer)}${name}) SET (${literal(
    options.section,
  )}, ${literal(options.key)}) = ${literal(options.value)}${reconfigure}${comment}`;
}
