/**
 * HANA and driver errors as messages a person understands. Whatever comes in (driver Error with
 * `code`/`sqlState`, a plain object, a string), what goes out is one {@link HanaAccessError} with a
 * readable message: never "[object Object]", never a stack trace, never a password.
 */

export type HanaErrorKind =
  | 'authentication'
  | 'privilege'
  | 'notFound'
  | 'syntax'
  | 'backupRunning'
  | 'backupFailed'
  | 'tenantStopped'
  | 'connectionRefused'
  | 'connectionLost'
  | 'timeout'
  | 'driverUnavailable'
  | 'other';

export class HanaAccessError extends Error {
  override readonly name = 'HanaAccessError';
  constructor(
    message: string,
    readonly kind: HanaErrorKind,
    /** HANA's (or the driver's) error code, when there was one. */
    readonly code?: number,
    /** HANA's own text, with secrets removed. */
    readonly hanaText?: string,
    /** For `privilege`: the privilege(s) HANA named. */
    readonly privileges: readonly string[] = [],
  ) {
    super(message);
  }

  /** Whether the connection this came from is no longer usable. */
  get connectionUnusable(): boolean {
    return this.kind === 'connectionLost' || this.kind === 'connectionRefused' || this.kind === 'timeout';
  }
}

export interface ErrorContext {
  /** Connection name, shown in the message. */
  system?: string;
  /** Texts to remove from any message (the password). */
  secrets?: readonly (string | undefined)[];
}

function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join('***');
  return out;
}

/** Text and code of anything thrown, without a stack. */
function partsOf(error: unknown): { code?: number; text: string } {
  if (typeof error === 'string') return { text: error };
  if (error && typeof error === 'object') {
    const record = error as { code?: unknown; message?: unknown; errno?: unknown };
    const rawCode = record.code ?? record.errno;
    const code =
      typeof rawCode === 'number'
        ? rawCode
        : typeof rawCode === 'string' && /^-?\d+$/.test(rawCode)
          ? Number(rawCode)
          : undefined;
    const message = typeof record.message === 'string' ? record.message : '';
    const symbolic = typeof rawCode === 'string' && code === undefined ? rawCode : '';
    let text = message || symbolic;
    if (!text) {
      try {
        text = JSON.stringify(error);
      } catch {
        text = 'unknown error';
      }
      if (text === '{}') text = 'unknown error';
    }
    if (symbolic && message && !message.includes(symbolic)) text = `${symbolic}: ${message}`;
    return { code, text: text.split('\n')[0].trim() };
  }
  return { text: error === undefined || error === null ? 'unknown error' : String(error) };
}

/** HANA's 258 texts name the privilege: "… (one of BACKUP ADMIN, BACKUP OPERATOR is needed)", "… privilege X …". */
export function privilegesNamedIn(text: string): string[] {
  const oneOf = /one of ([A-Z][A-Z ,_]*?) (?:is|are) (?:needed|required)/i.exec(text);
  if (oneOf) return oneOf[1].split(/\s*,\s*|\s+or\s+/).filter(Boolean);
  const needed =
    /(?:privilege|needs?|requires?|missing)[: ]+([A-Z][A-Z_]+(?: [A-Z][A-Z_]+)*)(?: privilege)?/.exec(text);
  if (needed && !/^(Not|NOT)$/.test(needed[1])) return [needed[1]];
  return [];
}

/** Drops HANA's "insufficient privilege: " style prefix for readability. */
function stripPrefix(text: string, prefix: RegExp): string {
  return text.replace(prefix, '').trim();
}

/** Maps anything thrown by the driver or HANA to a {@link HanaAccessError}. */
export function toHanaAccessError(error: unknown, context: ErrorContext = {}): HanaAccessError {
  if (error instanceof HanaAccessError) return error;
  const { code, text: rawText } = partsOf(error);
  const text = redact(rawText, context.secrets);
  const on = context.system ? ` on ${context.system}` : '';
  const at = context.system ? ` to ${context.system}` : '';
  if ((error as { name?: unknown } | null)?.name === 'HanaDriverUnavailable')
    return new HanaAccessError(text, 'driverUnavailable', code, text);

  if (code === 10 || /authentication failed/i.test(text))
    return new HanaAccessError(
      `Could not log on${at}: authentication failed. Check the user and password (or the hdbuserstore key); the user may also be locked or its password expired.`,
      'authentication',
      code,
      text,
    );
  if (code === 258 || /insufficient privilege/i.test(text)) {
    const privileges = privilegesNamedIn(text);
    const detail = stripPrefix(text, /^insufficient privilege:\s*/i);
    const need =
      privileges.length > 1
        ? `one of the privileges ${privileges.join(', ')}`
        : privileges.length === 1
          ? `the privilege ${privileges[0]}`
          : 'a privilege it does not have';
    return new HanaAccessError(
      `Insufficient privilege${on}: the database user needs ${need} (HANA: ${detail}).`,
      'privilege',
      code,
      text,
      privileges,
    );
  }
  if (/already running|another backup|backup is (?:currently )?running/i.test(text))
    return new HanaAccessError(
      `A backup is already running${on}; wait for it to finish or cancel it first (HANA: ${text}).`,
      'backupRunning',
      code,
      text,
    );
  if (
    /database \S+ is not running|tenant \S+ (?:is )?(?:stopped|not started)|database is not started|not running/i.test(
      text,
    )
  )
    return new HanaAccessError(
      `The database is stopped${on}: start the tenant (ALTER SYSTEM START DATABASE) and try again (HANA: ${text}).`,
      'tenantStopped',
      code,
      text,
    );
  if (code === 447 || code === 448 || code === 449) {
    const what = code === 447 ? 'Backup' : code === 448 ? 'Backup or recovery' : 'Recovery strategy';
    return new HanaAccessError(`${what} could not be completed${on}: ${text}`, 'backupFailed', code, text);
  }
  if (code === 259 || code === 260 || code === 328 || code === 362 || code === 471)
    return new HanaAccessError(
      `Not found${on}: ${text}. The object may not exist in this database or version, or the user cannot see it.`,
      'notFound',
      code,
      text,
    );
  if (code === 257)
    return new HanaAccessError(`HANA rejected the statement${on}: ${text}`, 'syntax', code, text);
  if (/ECONNREFUSED|connection refused|rc=111|10061/i.test(text))
    return new HanaAccessError(
      `Could not connect${at}: the connection was refused. Check host and port (the SQL port is 3<instance>13) and that the system is running.`,
      'connectionRefused',
      code,
      text,
    );
  if (/timed? ?out|ETIMEDOUT/i.test(text) || code === -10806 || code === -10808)
    return new HanaAccessError(
      `The connection${at} timed out: the host did not answer in time. Check the network, firewall and port.`,
      'timeout',
      code,
      text,
    );
  if (
    (code !== undefined && code <= -10000) ||
    /connection (?:lost|down|closed|failed|reset)|socket closed|ECONNRESET|EPIPE|not connected|session has been reconnected/i.test(
      text,
    )
  )
    return new HanaAccessError(
      `The connection${at} was lost (${text}). It is opened again on the next action.`,
      'connectionLost',
      code,
      text,
    );
  return new HanaAccessError(
    code !== undefined ? `HANA error ${code}${on}: ${text}` : `Error${on}: ${text}`,
    'other',
    code,
    text,
  );
}

/** A statement ran longer than its deadline; its connection was dropped. */
export function statementTimeoutError(system: string, timeoutMs: number): HanaAccessError {
  return new HanaAccessError(
    `The statement on ${system} did not finish within ${timeoutMs / 1000} s and was abandoned; its connection was closed (the server may still be working on it).`,
    'timeout',
  );
}
