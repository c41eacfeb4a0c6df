/**
 * Parser for the statement family hanasim implements (tokens → Statement), following the forms
 * evidenced in facts §2.3/§3 (not SAP's BNF, which was not available):
 *
 *   BACKUP DATA [DIFFERENTIAL|INCREMENTAL] [FOR <db> | FOR FULL SYSTEM]
 *     USING FILE|BACKINT ('<prefix>') [ASYNCHRONOUS] [COMMENT '<c>']
 *   BACKUP DATA [FOR FULL SYSTEM] CREATE SNAPSHOT [COMMENT '<c>']
 *   BACKUP DATA [FOR FULL SYSTEM] CLOSE SNAPSHOT BACKUP_ID <id> SUCCESSFUL '<ebid>' | UNSUCCESSFUL ['<text>']
 *   BACKUP CANCEL [<backup id>]
 *   BACKUP CATALOG DELETE [FOR <db>] ALL BEFORE BACKUP_ID <id> [COMPLETE | WITH FILE | WITH BACKINT]
 *   BACKUP CATALOG DELETE [FOR <db>] BACKUP_ID <id> [COMPLETE]
 *   RECOVER DATABASE [FOR <db>] UNTIL TIMESTAMP '<ts>' {CLEAR LOG | USING CATALOG PATH (…) |
 *     USING CATALOG BACKINT|FILE | USING LOG PATH (…) | USING DATA PATH (…) | USING BACKUP_ID <id> |
 *     USING SNAPSHOT | USING SOURCE '<db@SID>' | CHECK ACCESS USING FILE|BACKINT}   (any order)
 *   RECOVER DATA [FOR <db>] {USING BACKUP_ID <id> | USING FILE|BACKINT ('<prefix>') | USING SNAPSHOT}
 *     {CLEAR LOG | USING CATALOG … | USING DATA PATH (…) | USING SOURCE '…' | CHECK ACCESS …}
 *   ALTER SYSTEM ALTER CONFIGURATION ('<file>', '<layer>'[, '<name>'])
 *     SET|UNSET ('<section>','<key>') [= '<value>'] [, …] [WITH RECONFIGURE] [COMMENT '<c>']
 *   ALTER SYSTEM STOP DATABASE <db> [IMMEDIATE] | ALTER SYSTEM START DATABASE <db>
 *   ALTER DATABASE <db> NO RESTART
 *   CALL HANASIM.<procedure>(<literal>, …)
 *   COMMIT [WORK] | ROLLBACK [WORK]
 *   SET SCHEMA <name> | SET TRANSACTION ISOLATION LEVEL … | SET TRANSACTION READ ONLY|WRITE |
 *   SET TRANSACTION AUTOCOMMIT DDL ON|OFF | SET '<variable>' = '<value>'      (accepted, no effect)
 *
 * Identifiers: plain ones are upper-cased, "quoted" ones keep their case. Anything else fails with
 * 257 at the 1-based position of the first token not understood.
 */
import { HanaError } from '../shared/types';
import { syntaxError } from './errors';
import { type Privilege, requiredPrivileges } from './privileges';
import type { BackupTarget, RecoverCatalog, Statement } from './statementAst';
import { parseTime } from './timeValues';
import { type Token, TokenStream, tokenize } from './tokenizer';

export type { Statement } from './statementAst';

/** CALL HANASIM.<name>: the control procedures and their argument count [min, max]. */
export const HANASIM_PROCEDURES: Readonly<Record<string, [number, number]>> = {
  ADVANCE_CLOCK: [1, 1],
  INJECT_FAULT: [2, 2],
  CLEAR_FAULTS: [0, 0],
  DROP_LOG_BACKUP: [1, 1],
  LOSE_LOG: [1, 2],
  DELETE_BACKUP_FILE: [1, 1],
  CORRUPT_BACKUP_FILE: [1, 1],
  DELAY_NEXT_STATEMENT: [1, 1],
};

class StatementParser {
  constructor(private readonly ts: TokenStream) {}

  private fail(tok: Token = this.ts.peek()): never {
    throw syntaxError(this.ts.sql, tok);
  }
  private word(...kws: string[]): void {
    for (const kw of kws) {
      if (!this.ts.isWord(kw)) this.fail();
      this.ts.next();
    }
  }
  private op(o: string): void {
    if (!this.ts.acceptOp(o)) this.fail();
  }
  private string(): string {
    const t = this.ts.peek();
    if (t.kind !== 'string') this.fail();
    this.ts.next();
    return t.value;
  }
  private ident(): string {
    const t = this.ts.peek();
    if (t.kind !== 'word' && t.kind !== 'quoted') this.fail();
    this.ts.next();
    return t.value;
  }
  private backupId(): number {
    const t = this.ts.peek();
    if (t.kind !== 'number' || !/^\d+$/.test(t.value) || !Number.isSafeInteger(Number(t.value))) this.fail();
    this.ts.next();
    return Number(t.value);
  }
  /** ('<a>'[, '<b>'…]) */
  private stringList(): string[] {
    this.op('(');
    const list = [this.string()];
    while (this.ts.acceptOp(',')) list.push(this.string());
    this.op(')');
    return list;
  }
  private single(): string {
    this.op('(');
    const s = this.string();
    this.op(')');
    return s;
  }
  private end(): void {
    this.ts.acceptTerminator();
    if (!this.ts.atEnd()) this.fail();
  }
  /** A clause may appear once: `seen` tracks them. */
  private once(seen: Set<string>, name: string, tok: Token): void {
    if (seen.has(name)) this.fail(tok);
    seen.add(name);
  }

  parse(): Statement {
    const t = this.ts.peek();
    let s: Statement;
    if (this.ts.acceptWord('BACKUP')) s = this.backup();
    else if (this.ts.acceptWord('RECOVER')) s = this.recover();
    else if (this.ts.acceptWord('ALTER')) s = this.alter();
    else if (this.ts.acceptWord('CALL')) s = this.call();
    else if (this.ts.acceptWord('COMMIT')) {
      this.ts.acceptWord('WORK');
      s = { kind: 'commit' };
    } else if (this.ts.acceptWord('ROLLBACK')) {
      this.ts.acceptWord('WORK');
      s = { kind: 'rollback' };
    } else if (this.ts.acceptWord('SET')) s = this.set();
    else return this.fail(t);
    this.end();
    return s;
  }

  // ---- BACKUP -----------------------------------------------------------------------------

  private backup(): Statement {
    if (this.ts.acceptWord('CANCEL')) {
      return this.ts.peek().kind === 'number'
        ? { kind: 'backupCancel', backupId: this.backupId() }
        : { kind: 'backupCancel' };
    }
    if (this.ts.acceptWord('CATALOG')) return this.catalogDelete();
    this.word('DATA');
    let backupType: 'complete' | 'differential' | 'incremental' = 'complete';
    const typeTok = this.ts.peek();
    if (this.ts.acceptWord('DIFFERENTIAL')) backupType = 'differential';
    else if (this.ts.acceptWord('INCREMENTAL')) backupType = 'incremental';
    let target: BackupTarget = { kind: 'current' };
    if (this.ts.acceptWord('FOR')) {
      target = this.ts.acceptWord('FULL', 'SYSTEM')
        ? { kind: 'fullSystem' }
        : { kind: 'database', name: this.ident() };
    }
    if (this.ts.isWord('CREATE') || this.ts.isWord('CLOSE')) {
      if (backupType !== 'complete') this.fail(typeTok);
      if (target.kind === 'database') this.fail();
      return this.ts.acceptWord('CREATE') ? this.createSnapshot(target) : this.closeSnapshot(target);
    }
    this.word('USING');
    let type: 'file' | 'backint';
    if (this.ts.acceptWord('FILE')) type = 'file';
    else if (this.ts.acceptWord('BACKINT')) type = 'backint';
    else return this.fail();
    const prefix = this.single();
    let asynchronous = false;
    let comment: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const tok = this.ts.peek();
      if (this.ts.acceptWord('ASYNCHRONOUS')) {
        this.once(seen, 'ASYNCHRONOUS', tok);
        asynchronous = true;
      } else if (this.ts.acceptWord('COMMENT')) {
        this.once(seen, 'COMMENT', tok);
        comment = this.string();
      } else break;
    }
    return { kind: 'backupData', backupType, target, destination: { type, prefix }, asynchronous, comment };
  }

  private createSnapshot(target: BackupTarget): Statement {
    this.word('SNAPSHOT');
    const comment = this.ts.acceptWord('COMMENT') ? this.string() : undefined;
    return { kind: 'createSnapshot', target, comment };
  }

  private closeSnapshot(target: BackupTarget): Statement {
    this.word('CLOSE', 'SNAPSHOT', 'BACKUP_ID');
    const backupId = this.backupId();
    if (this.ts.acceptWord('SUCCESSFUL')) {
      return { kind: 'closeSnapshot', target, backupId, successful: true, externalBackupId: this.string() };
    }
    this.word('UNSUCCESSFUL');
    const message = this.ts.peek().kind === 'string' ? this.string() : undefined;
    return { kind: 'closeSnapshot', target, backupId, successful: false, message };
  }

  private catalogDelete(): Statement {
    this.word('DELETE');
    const database = this.ts.acceptWord('FOR') ? this.ident() : undefined;
    if (this.ts.acceptWord('ALL')) {
      this.word('BEFORE', 'BACKUP_ID');
      const backupId = this.backupId();
      let remove: 'catalog' | 'complete' | 'file' | 'backint' = 'catalog';
      if (this.ts.acceptWord('COMPLETE')) remove = 'complete';
      else if (this.ts.acceptWord('WITH', 'FILE')) remove = 'file';
      else if (this.ts.acceptWord('WITH', 'BACKINT')) remove = 'backint';
      return { kind: 'catalogDelete', database, scope: 'allBefore', backupId, remove };
    }
    this.word('BACKUP_ID');
    const backupId = this.backupId();
    const remove = this.ts.acceptWord('COMPLETE') ? 'complete' : 'catalog';
    return { kind: 'catalogDelete', database, scope: 'single', backupId, remove };
  }

  // ---- RECOVER ----------------------------------------------------------------------------

  private recover(): Statement {
    const isDatabase = this.ts.acceptWord('DATABASE');
    if (!isDatabase) this.word('DATA');
    const database = this.ts.acceptWord('FOR') ? this.ident() : undefined;
    const seen = new Set<string>();
    let untilTimestamp: string | undefined;
    let untilTime: Date | undefined;
    let clearLog = false;
    let catalog: RecoverCatalog | undefined;
    let logPaths: string[] | undefined;
    let dataPaths: string[] | undefined;
    let backupId: number | undefined;
    let useSnapshot = false;
    let source: string | undefined;
    let checkAccess: 'file' | 'backint' | undefined;
    let usingData: { type: 'file' | 'backint'; prefix: string } | undefined;
    while (!this.ts.atEnd() && !this.ts.isOp(';')) {
      const tok = this.ts.peek();
      if (isDatabase && this.ts.acceptWord('UNTIL', 'TIMESTAMP')) {
        this.once(seen, 'UNTIL', tok);
        const tsTok = this.ts.peek();
        untilTimestamp = this.string();
        try {
          untilTime = parseTime(untilTimestamp);
        } catch {
          throw new HanaError(
            303,
            `invalid DATE, TIME or TIMESTAMP value: ${untilTimestamp}`,
            'HY000',
            tsTok.pos,
          );
        }
      } else if (this.ts.acceptWord('CLEAR', 'LOG')) {
        this.once(seen, 'CLEAR LOG', tok);
        clearLog = true;
      } else if (this.ts.acceptWord('CHECK', 'ACCESS', 'USING')) {
        this.once(seen, 'CHECK ACCESS', tok);
        if (this.ts.acceptWord('FILE')) checkAccess = 'file';
        else if (this.ts.acceptWord('BACKINT')) checkAccess = 'backint';
        else this.fail();
      } else if (this.ts.acceptWord('USING')) {
        const what = this.ts.peek();
        if (this.ts.acceptWord('CATALOG')) {
          this.once(seen, 'CATALOG', what);
          if (this.ts.acceptWord('PATH')) catalog = { type: 'path', paths: this.stringList() };
          else if (this.ts.acceptWord('BACKINT')) catalog = { type: 'backint' };
          else if (this.ts.acceptWord('FILE')) catalog = { type: 'file' };
          else this.fail();
        } else if (isDatabase && this.ts.acceptWord('LOG', 'PATH')) {
          this.once(seen, 'LOG PATH', what);
          logPaths = this.stringList();
        } else if (this.ts.acceptWord('DATA', 'PATH')) {
          this.once(seen, 'DATA PATH', what);
          dataPaths = this.stringList();
        } else if (this.ts.acceptWord('BACKUP_ID')) {
          this.once(seen, 'SOURCE OF DATA', what);
          backupId = this.backupId();
        } else if (this.ts.acceptWord('SNAPSHOT')) {
          this.once(seen, isDatabase ? 'SNAPSHOT' : 'SOURCE OF DATA', what);
          useSnapshot = true;
        } else if (this.ts.acceptWord('SOURCE')) {
          this.once(seen, 'SOURCE', what);
          source = this.string();
        } else if (!isDatabase && (this.ts.isWord('FILE') || this.ts.isWord('BACKINT'))) {
          this.once(seen, 'SOURCE OF DATA', what);
          const type = this.ts.next().value === 'FILE' ? 'file' : 'backint';
          usingData = { type, prefix: this.single() };
        } else this.fail();
      } else this.fail();
    }
    if (isDatabase) {
      if (untilTimestamp === undefined || untilTime === undefined) this.fail();
      return {
        kind: 'recoverDatabase',
        database,
        untilTimestamp,
        untilTime,
        clearLog,
        catalog,
        logPaths,
        dataPaths,
        backupId,
        useSnapshot,
        source,
        checkAccess,
      };
    }
    const using =
      backupId !== undefined
        ? ({ type: 'backupId', backupId } as const)
        : useSnapshot
          ? ({ type: 'snapshot' } as const)
          : usingData;
    if (!using) this.fail();
    return { kind: 'recoverData', database, using, clearLog, catalog, dataPaths, source, checkAccess };
  }

  // ---- ALTER ------------------------------------------------------------------------------

  private alter(): Statement {
    if (this.ts.acceptWord('DATABASE')) {
      const database = this.ident();
      this.word('NO', 'RESTART');
      return { kind: 'alterDatabaseNoRestart', database };
    }
    this.word('SYSTEM');
    if (this.ts.acceptWord('STOP', 'DATABASE')) {
      const database = this.ident();
      return { kind: 'stopDatabase', database, immediate: this.ts.acceptWord('IMMEDIATE') };
    }
    if (this.ts.acceptWord('START', 'DATABASE')) return { kind: 'startDatabase', database: this.ident() };
    this.word('ALTER', 'CONFIGURATION');
    this.op('(');
    const file = this.string();
    this.op(',');
    const layerTok = this.ts.peek();
    const layer = this.string().toUpperCase();
    if (layer !== 'SYSTEM' && layer !== 'DATABASE' && layer !== 'HOST') this.fail(layerTok);
    let layerName: string | undefined;
    if (this.ts.acceptOp(',')) {
      if (layer === 'SYSTEM') this.fail();
      layerName = this.string();
    } else if (layer !== 'SYSTEM') this.fail();
    this.op(')');
    let action: 'set' | 'unset';
    if (this.ts.acceptWord('SET')) action = 'set';
    else if (this.ts.acceptWord('UNSET')) action = 'unset';
    else return this.fail();
    const entries: { section: string; key: string; value?: string }[] = [];
    do {
      this.op('(');
      const section = this.string();
      this.op(',');
      const key = this.string();
      this.op(')');
      if (action === 'set') {
        this.op('=');
        entries.push({ section, key, value: this.string() });
      } else entries.push({ section, key });
    } while (this.ts.acceptOp(','));
    const reconfigure = this.ts.acceptWord('WITH', 'RECONFIGURE');
    const comment = this.ts.acceptWord('COMMENT') ? this.string() : undefined;
    return {
      kind: 'alterConfiguration',
      file,
      layer,
      layerName: layer === 'HOST' ? layerName?.toLowerCase() : layerName,
      action,
      entries,
      reconfigure,
      comment,
    };
  }

  // ---- CALL, SET --------------------------------------------------------------------------

  private call(): Statement {
    const schemaTok = this.ts.peek();
    const schema = this.ident();
    if (!this.ts.isOp('.')) throw unknownProcedure(schemaTok, schema);
    this.op('.');
    const procTok = this.ts.peek();
    const procedure = this.ident();
    const arity = schema === 'HANASIM' ? HANASIM_PROCEDURES[procedure] : undefined;
    if (!arity) throw unknownProcedure(procTok, `${schema}.${procedure}`);
    this.op('(');
    const args: (string | number | null)[] = [];
    if (!this.ts.isOp(')')) {
      do args.push(this.literal());
      while (this.ts.acceptOp(','));
    }
    const close = this.ts.peek();
    this.op(')');
    if (args.length < arity[0] || args.length > arity[1]) {
      throw new HanaError(
        316,
        `wrong number of arguments in procedure call: ${procedure}`,
        'HY000',
        close.pos,
      );
    }
    return { kind: 'call', procedure, args };
  }

  private literal(): string | number | null {
    const t = this.ts.peek();
    const neg = this.ts.isOp('-') && this.ts.peek(1).kind === 'number';
    if (neg) this.ts.next();
    const v = this.ts.peek();
    if (v.kind === 'number') {
      this.ts.next();
      return (neg ? -1 : 1) * Number(v.value);
    }
    if (neg) this.fail();
    if (t.kind === 'string') {
      this.ts.next();
      return t.value;
    }
    if (this.ts.acceptWord('NULL')) return null;
    return this.fail();
  }

  private set(): Statement {
    if (this.ts.acceptWord('SCHEMA')) return { kind: 'set', what: 'schema', value: this.ident() };
    if (this.ts.peek().kind === 'string') {
      const name = this.string();
      this.op('=');
      return { kind: 'set', what: 'sessionVariable', value: `${name}=${this.string()}` };
    }
    this.word('TRANSACTION');
    if (this.ts.acceptWord('ISOLATION', 'LEVEL')) {
      for (const level of [['READ', 'COMMITTED'], ['REPEATABLE', 'READ'], ['SERIALIZABLE']]) {
        if (this.ts.acceptWord(...level))
          return { kind: 'set', what: 'isolationLevel', value: level.join(' ') };
      }
      return this.fail();
    }
    if (this.ts.acceptWord('READ', 'ONLY')) return { kind: 'set', what: 'transaction', value: 'READ ONLY' };
    if (this.ts.acceptWord('READ', 'WRITE')) return { kind: 'set', what: 'transaction', value: 'READ WRITE' };
    this.word('AUTOCOMMIT', 'DDL');
    if (this.ts.acceptWord('ON')) return { kind: 'set', what: 'transaction', value: 'AUTOCOMMIT DDL ON' };
    this.word('OFF');
    return { kind: 'set', what: 'transaction', value: 'AUTOCOMMIT DDL OFF' };
  }
}

function unknownProcedure(tok: Token, name: string): HanaError {
  return new HanaError(
    328,
    `invalid name of function or procedure: ${name}: at pos ${tok.pos}`,
    'HY000',
    tok.pos,
  );
}

/** Parses one statement of the family (see the header). */
export function parseStatement(sql: string): Statement {
  return new StatementParser(new TokenStream(sql, tokenize(sql))).parse();
}

const STATEMENT_WORDS = new Set(['BACKUP', 'RECOVER', 'ALTER', 'CALL', 'COMMIT', 'ROLLBACK', 'SET']);

export type Classified =
  | { kind: 'select' }
  | { kind: 'statement'; statement: Statement; privileges: Privilege[] }
  | { kind: 'unsupported'; error: HanaError };

/**
 * What a statement is: a SELECT (for SqlEngine.query), one of the statement family (parsed, with
 * the privileges of which one is needed), or unsupported (with the error to return).
 */
export function classify(sql: string): Classified {
  let first: Token;
  try {
    first = tokenize(sql)[0];
  } catch (err) {
    return { kind: 'unsupported', error: err as HanaError };
  }
  if (first.kind === 'word' && first.value === 'SELECT') return { kind: 'select' };
  if (first.kind !== 'word' || !STATEMENT_WORDS.has(first.value)) {
    return { kind: 'unsupported', error: syntaxError(sql, first.kind === 'eof' ? undefined : first) };
  }
  try {
    const statement = parseStatement(sql);
    return { kind: 'statement', statement, privileges: requiredPrivileges(statement) };
  } catch (err) {
    if (err instanceof HanaError) return { kind: 'unsupported', error: err };
    throw err;
  }
}

/** Parses a duration such as '7d', '90m', '1d12h', '30s', '500ms' (ADVANCE_CLOCK) to milliseconds. */
export function parseDuration(text: string): number {
  const units: Record<string, number> = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000,
  };
  const re = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  const trimmed = text.trim();
  for (let m = re.exec(trimmed); m; m = re.exec(trimmed)) {
    total += Number(m[1]) * units[m[2]];
    consumed = re.lastIndex;
  }
  if (consumed === 0 || consumed !== trimmed.length)
    throw new HanaError(257, `invalid duration: '${text}'`, '42000');
  return total;
}
