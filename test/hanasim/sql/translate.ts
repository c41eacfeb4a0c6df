/**
 * HANA SELECT → SQLite translation.
 *
 * Pipeline: tokenize → parseSelect (selectParser.ts) → resolve tables against catalogSchema.ts →
 * compile each expression to SQLite text with its HANA type. What comes out:
 *
 * - Tables: `M_X`, `SYS.M_X`, `PUBLIC.M_X` → the storage table `S_M_X`, restricted to the
 *   session's database (`DATABASE_NAME = @sessiondb`) for per-database views;
 *   `SYS_DATABASES.M_X` (SYSTEMDB only) → all rows, DATABASE_NAME first. `DUMMY` has one row.
 * - Names: plain identifiers are upper-cased, "quoted" ones kept; every table and column is checked
 *   against the view definitions (259 / 260 / 268), and only names from those definitions reach
 *   the SQLite text — user identifiers never do.
 * - Values: `?` → `@p<n>`; CURRENT_UTCTIMESTAMP / CURRENT_TIMESTAMP / NOW() → `@now` (one clock
 *   reading per query); string and number literals are re-rendered from their parsed value.
 * - Time: TIMESTAMP values are stored as 'YYYY-MM-DD HH:MM:SS.mmm' text, DATE as 'YYYY-MM-DD'.
 *   Comparing a time column with a string or parameter normalizes the other side (hana_ts), so
 *   '2024.01.31', '2024-01-31T10:00Z' and Date parameters compare correctly.
 * - Functions: ADD_SECONDS, ADD_DAYS, SECONDS_BETWEEN, DAYS_BETWEEN, ISOWEEK, TO_DATE, TO_TIMESTAMP,
 *   TO_VARCHAR/TO_NVARCHAR, TO_BIGINT/TO_INTEGER, TO_DOUBLE, IFNULL, COALESCE, UPPER, LOWER, LENGTH,
 *   ABS, SUBSTRING/SUBSTR, CAST, CASE; aggregates COUNT, SUM, MIN, MAX, AVG. TO_DATE(ts) and
 *   TO_VARCHAR(ts, 'YYYY-MM-DD' and similar prefix formats) compile to substr() for speed.
 * - Division always yields DOUBLE (HANA: DECIMAL) — values agree, the type is approximated.
 *
 * Errors: 257 syntax/unsupported (position of the first token not understood), 259 unknown table,
 * 260 unknown column, 268 ambiguous column, 266 inconsistent datatype, 276 column neither grouped
 * nor aggregated, 316 wrong number of arguments.
 */
import { type ColumnMeta, HanaError, type HanaType } from '../shared/types';
import {
  INTEGER_TYPES,
  TIME_TYPES,
  VIEW_DEFS,
  type ViewDef,
  hasHiddenDatabaseName,
  quoteIdent,
  sysDatabasesColumns,
} from './catalogSchema';
import { ambiguousColumn, invalidColumn, invalidTable, syntaxError } from './errors';
import type { Expr, SelectAst, TableRef } from './selectAst';
import { parseSelect } from './selectParser';
import type { Token } from './tokenizer';
import { PREFIX_FORMATS } from './timeValues';

export interface CompiledSelect {
  /** SQLite text with named parameters @p0…, @now, @sessiondb. */
  sql: string;
  columns: ColumnMeta[];
  paramCount: number;
  usesNow: boolean;
  usesSessionDb: boolean;
}

export interface TranslateOptions {
  /** The session is connected to SYSTEMDB (SYS_DATABASES is visible, M_DATABASES unfiltered). */
  isSystemDb: boolean;
}

interface Source {
  /** Name column qualifiers match: the alias, else the view name. */
  name: string;
  sqlAlias: string;
  view: ViewDef;
  schema: string;
  columns: ColumnMeta[];
  /** Restriction to the session's rows, or undefined. */
  scope?: string;
}

interface Compiled {
  sql: string;
  type: HanaType;
  meta?: ColumnMeta;
  /** A string literal or parameter: its type adapts to what it is compared with. */
  flexible?: boolean;
}

type Clause = 'select' | 'where' | 'on' | 'group' | 'having' | 'order' | 'limit';

const AGGREGATES = new Set(['COUNT', 'SUM', 'MIN', 'MAX', 'AVG']);
const STRING_TYPES: ReadonlySet<HanaType> = new Set(['NVARCHAR', 'VARCHAR', 'NCLOB']);
const isTime = (t: HanaType): boolean => TIME_TYPES.has(t);
const isInt = (t: HanaType): boolean => INTEGER_TYPES.has(t);
const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

class Translator {
  private readonly sources: Source[] = [];
  private readonly memo = new Map<Expr, string>();
  private usesNow = false;
  private usesSessionDb = false;
  private inAggregate = false;
  private outputNames: string[] = [];

  constructor(
    private readonly sql: string,
    private readonly ast: SelectAst,
    private readonly opts: TranslateOptions,
  ) {}

  run(): CompiledSelect {
    const ast = this.ast;
    this.addSource(ast.from);
    for (const j of ast.joins) this.addSource(j.table);

    const items: string[] = [];
    const columns: ColumnMeta[] = [];
    const itemExprs: Expr[] = [];
    for (const item of ast.items) {
      if (item.k === 'star') {
        const srcs =
          item.qualifier === undefined ? this.sources : [this.sourceNamed(item.qualifier, item.tok)];
        for (const s of srcs) {
          for (const c of s.columns) {
            items.push(`${s.sqlAlias}.${quoteIdent(c.name)}`);
            columns.push({ ...c, table: s.view.name, schema: s.schema });
          }
        }
        continue;
      }
      const c = this.compile(item.e, 'select');
      itemExprs.push(item.e);
      items.push(c.sql);
      const name = item.alias ?? (c.meta ? c.meta.name : item.text.toUpperCase());
      columns.push(
        c.meta ? { ...c.meta, name } : { name, type: c.type, nullable: true, ...typeExtras(c.type) },
      );
    }
    this.outputNames = columns.map((c) => c.name);
    const select = items.map((s, i) => `${s} AS "c${i}"`).join(', ');

    let from = `${quoteIdent(this.sources[0].view.table)} AS ${this.sources[0].sqlAlias}`;
    const where: string[] = [];
    if (this.sources[0].scope) where.push(this.sources[0].scope);
    ast.joins.forEach((j, i) => {
      const s = this.sources[i + 1];
      const table = `${quoteIdent(s.view.table)} AS ${s.sqlAlias}`;
      if (j.type === 'CROSS') {
        from += ` JOIN ${table}`;
        if (s.scope) where.push(s.scope);
        return;
      }
      const on = [this.compileCondition(j.on as Expr, 'on')];
      if (s.scope && j.type === 'LEFT') on.push(s.scope);
      else if (s.scope) where.push(s.scope);
      from += ` ${j.type === 'LEFT' ? 'LEFT JOIN' : 'JOIN'} ${table} ON ${on.join(' AND ')}`;
    });
    if (ast.where) where.push(this.compileCondition(ast.where, 'where'));

    let text = `SELECT ${ast.distinct ? 'DISTINCT ' : ''}${select} FROM ${from}`;
    if (where.length) text += ` WHERE ${where.join(' AND ')}`;
    const groupSqls = new Set<string>();
    if (ast.groupBy.length) {
      const parts = ast.groupBy.map((g) => {
        if (g.k === 'num') throw syntaxError(this.sql, g.tok);
        return this.compile(g, 'group').sql;
      });
      parts.forEach((p) => groupSqls.add(p));
      text += ` GROUP BY ${parts.join(', ')}`;
    }
    const having = ast.having ? this.compileCondition(ast.having, 'having') : undefined;
    if (having) text += ` HAVING ${having}`;
    const order = ast.orderBy.map((o) => {
      const target = this.orderTarget(o.e);
      const sql = target ?? this.compile(o.e, 'order').sql;
      return `${sql}${o.desc ? ' DESC' : ''}${o.nulls ? ` NULLS ${o.nulls}` : ''}`;
    });
    if (order.length) text += ` ORDER BY ${order.join(', ')}`;
    if (ast.top && ast.limit) throw syntaxError(this.sql, ast.limit.tok);
    const limit = ast.top ?? ast.limit;
    if (limit) {
      text += ` LIMIT ${this.compile(limit, 'limit').sql}`;
      if (ast.offset) text += ` OFFSET ${this.compile(ast.offset, 'limit').sql}`;
    }

    const aggregated =
      ast.groupBy.length > 0 || ast.having !== undefined || itemExprs.some((e) => this.hasAggregate(e));
    if (aggregated) {
      if (ast.items.some((i) => i.k === 'star'))
        throw syntaxError(this.sql, ast.items.find((i) => i.k === 'star')?.tok);
      for (const e of itemExprs) this.checkGrouped(e, groupSqls);
      if (ast.having) this.checkGrouped(ast.having, groupSqls);
      for (const o of ast.orderBy) if (!this.orderTarget(o.e)) this.checkGrouped(o.e, groupSqls);
    }
    return {
      sql: text,
      columns,
      paramCount: ast.paramCount,
      usesNow: this.usesNow,
      usesSessionDb: this.usesSessionDb,
    };
  }

  // ---- tables and names -------------------------------------------------------------------

  private addSource(ref: TableRef): void {
    const view = this.resolveView(ref);
    const sqlAlias = `t${this.sources.length}`;
    const sysDb = ref.schema === 'SYS_DATABASES';
    const columns = sysDb ? sysDatabasesColumns(view) : view.columns;
    let scope: string | undefined;
    if (!sysDb && (view.scope === 'database' || (view.scope === 'tenant-own' && !this.opts.isSystemDb))) {
      scope = `${sqlAlias}."DATABASE_NAME" = @sessiondb`;
      this.usesSessionDb = true;
    }
    const name = ref.alias ?? view.name;
    if (this.sources.some((s) => s.name === name))
      throw syntaxError(this.sql, ref.tok, `duplicate table name ${name}`);
    this.sources.push({ name, sqlAlias, view, schema: sysDb ? 'SYS_DATABASES' : 'SYS', columns, scope });
  }

  private resolveView(ref: TableRef): ViewDef {
    const view = VIEW_DEFS.get(ref.name);
    const schema = ref.schema ?? 'SYS';
    const ok =
      view !== undefined &&
      (schema === 'SYS' ||
        schema === 'PUBLIC' ||
        (schema === 'SYS_DATABASES' && view.sysDatabases && this.opts.isSystemDb && hasDbColumn(view)));
    if (!ok || !view) throw invalidTable(this.sql, ref.tok, schema, ref.name);
    return view;
  }

  private sourceNamed(qualifier: string, tok: Token): Source {
    const s = this.sources.find((x) => x.name === qualifier);
    if (!s) throw invalidTable(this.sql, tok, 'SYS', qualifier);
    return s;
  }

  private resolveColumn(e: Extract<Expr, { k: 'col' }>): Compiled {
    let found: { s: Source; c: ColumnMeta } | undefined;
    if (e.qualifier !== undefined) {
      const s = this.sources.find((x) => x.name === e.qualifier);
      if (!s) throw invalidColumn(this.sql, e.tok, `${e.qualifier}.${e.name}`);
      const c = s.columns.find((x) => x.name === e.name);
      if (c) found = { s, c };
    } else {
      for (const s of this.sources) {
        const c = s.columns.find((x) => x.name === e.name);
        if (!c) continue;
        if (found) throw ambiguousColumn(this.sql, e.tok, e.name);
        found = { s, c };
      }
    }
    if (!found) throw invalidColumn(this.sql, e.tok, e.qualifier ? `${e.qualifier}.${e.name}` : e.name);
    const meta = { ...found.c, table: found.s.view.name, schema: found.s.schema };
    return { sql: `${found.s.sqlAlias}.${quoteIdent(found.c.name)}`, type: found.c.type, meta };
  }

  /** ORDER BY <output column name> or <position> → the output column. */
  private orderTarget(e: Expr): string | undefined {
    if (e.k === 'num') {
      const n = Number(e.value);
      if (!Number.isInteger(n) || n < 1 || n > this.outputNames.length) throw syntaxError(this.sql, e.tok);
      return `"c${n - 1}"`;
    }
    if (e.k === 'col' && e.qualifier === undefined) {
      const i = this.outputNames.indexOf(e.name);
      if (i >= 0 && this.outputNames.lastIndexOf(e.name) === i) return `"c${i}"`;
    }
    return undefined;
  }

  // ---- expressions ------------------------------------------------------------------------

  private compileCondition(e: Expr, clause: Clause): string {
    return this.compile(e, clause).sql;
  }

  private compile(e: Expr, clause: Clause): Compiled {
    const c = this.compileInner(e, clause);
    this.memo.set(e, c.sql);
    return c;
  }

  private compileInner(e: Expr, clause: Clause): Compiled {
    if (clause === 'limit' && e.k !== 'num' && e.k !== 'param') throw syntaxError(this.sql, e.tok);
    switch (e.k) {
      case 'str':
        return { sql: sqlString(e.value), type: 'NVARCHAR', flexible: true };
      case 'num':
        return { sql: e.value, type: numberType(e.value) };
      case 'null':
        return { sql: 'NULL', type: 'NVARCHAR', flexible: true };
      case 'param':
        return { sql: `@p${e.index}`, type: 'NVARCHAR', flexible: true };
      case 'col':
        return this.resolveColumn(e);
      case 'now':
        this.usesNow = true;
        return e.which.endsWith('DATE')
          ? { sql: 'substr(@now, 1, 10)', type: 'DATE' }
          : { sql: '@now', type: 'TIMESTAMP' };
      case 'func':
        return this.compileFunc(e, clause);
      case 'cast':
        return this.compileCast(this.compile(e.e, clause), e.type);
      case 'neg': {
        const x = this.compile(e.e, clause);
        this.requireNumeric(x, e.tok);
        return { sql: `(-${x.sql})`, type: x.type };
      }
      case 'not':
        return { sql: `(NOT ${this.compile(e.e, clause).sql})`, type: 'BOOLEAN' };
      case 'isnull':
        return { sql: `(${this.compile(e.e, clause).sql} IS ${e.not ? 'NOT ' : ''}NULL)`, type: 'BOOLEAN' };
      case 'in': {
        const x = this.compile(e.e, clause);
        const list = e.list.map((v) => this.coerce(this.compile(v, clause), x, v.tok).sql);
        return { sql: `(${x.sql} ${e.not ? 'NOT IN' : 'IN'} (${list.join(', ')}))`, type: 'BOOLEAN' };
      }
      case 'between': {
        const x = this.compile(e.e, clause);
        const lo = this.coerce(this.compile(e.lo, clause), x, e.lo.tok);
        const hi = this.coerce(this.compile(e.hi, clause), x, e.hi.tok);
        return {
          sql: `(${x.sql} ${e.not ? 'NOT BETWEEN' : 'BETWEEN'} ${lo.sql} AND ${hi.sql})`,
          type: 'BOOLEAN',
        };
      }
      case 'like': {
        const x = this.asText(this.compile(e.e, clause));
        const p = this.compile(e.pattern, clause).sql;
        const esc = e.escape ? ` ESCAPE ${this.compile(e.escape, clause).sql}` : '';
        return { sql: `(${x} ${e.not ? 'NOT LIKE' : 'LIKE'} ${p}${esc})`, type: 'BOOLEAN' };
      }
      case 'case':
        return this.compileCase(e, clause);
      case 'bin':
        return this.compileBinary(e, clause);
    }
  }

  private compileBinary(e: Extract<Expr, { k: 'bin' }>, clause: Clause): Compiled {
    const l = this.compile(e.l, clause);
    const r = this.compile(e.r, clause);
    switch (e.op) {
      case 'AND':
      case 'OR':
        return { sql: `(${l.sql} ${e.op} ${r.sql})`, type: 'BOOLEAN' };
      case '||':
        return { sql: `(${this.asText(l)} || ${this.asText(r)})`, type: 'NVARCHAR' };
      case '=':
      case '<>':
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const [a, b] =
          l.flexible && !r.flexible ? [this.coerce(l, r, e.l.tok), r] : [l, this.coerce(r, l, e.r.tok)];
        return { sql: `(${a.sql} ${e.op} ${b.sql})`, type: 'BOOLEAN' };
      }
      default: {
        this.requireNumeric(l, e.l.tok);
        this.requireNumeric(r, e.r.tok);
        if (e.op === '/') return { sql: `(CAST(${l.sql} AS REAL) / ${r.sql})`, type: 'DOUBLE' };
        const type: HanaType =
          l.type === 'DOUBLE' || r.type === 'DOUBLE'
            ? 'DOUBLE'
            : l.type === 'DECIMAL' || r.type === 'DECIMAL'
              ? 'DECIMAL'
              : 'BIGINT';
        return { sql: `(${l.sql} ${e.op} ${r.sql})`, type };
      }
    }
  }

  private compileCase(e: Extract<Expr, { k: 'case' }>, clause: Clause): Compiled {
    let sql = 'CASE';
    const operand = e.operand ? this.compile(e.operand, clause) : undefined;
    if (operand) sql += ` ${operand.sql}`;
    let type: HanaType | undefined;
    for (const w of e.whens) {
      const when = this.compile(w.when, clause);
      const then = this.compile(w.then, clause);
      if (!type && !(w.then.k === 'null')) type = then.type;
      sql += ` WHEN ${operand ? this.coerce(when, operand, w.when.tok).sql : when.sql} THEN ${then.sql}`;
    }
    if (e.else) {
      const els = this.compile(e.else, clause);
      if (!type && e.else.k !== 'null') type = els.type;
      sql += ` ELSE ${els.sql}`;
    }
    return { sql: `${sql} END`, type: type ?? 'NVARCHAR' };
  }

  /** Makes `x` comparable with `other`: strings/parameters compared to time values are normalized. */
  private coerce(x: Compiled, other: Compiled, tok: Token): Compiled {
    if (isTime(other.type) && !isTime(x.type)) {
      if (!x.flexible && !STRING_TYPES.has(x.type)) throw inconsistent(tok);
      return { sql: `${other.type === 'DATE' ? 'hana_to_date' : 'hana_ts'}(${x.sql})`, type: other.type };
    }
    if (isTime(other.type) && isTime(x.type) && (x.type === 'DATE') !== (other.type === 'DATE')) {
      return x.type === 'DATE' ? { sql: `hana_ts(${x.sql})`, type: 'TIMESTAMP' } : x;
    }
    return x;
  }

  private asText(x: Compiled): string {
    return isTime(x.type) ? `hana_to_varchar(${x.sql}, NULL, '${x.type}')` : x.sql;
  }

  private requireNumeric(x: Compiled, tok: Token): void {
    if (isTime(x.type) || x.type === 'BOOLEAN') throw inconsistent(tok);
  }

  private compileCast(x: Compiled, type: HanaType): Compiled {
    if (isInt(type)) return { sql: `hana_to_bigint(${x.sql})`, type };
    if (type === 'DOUBLE' || type === 'DECIMAL') return { sql: `CAST(${x.sql} AS REAL)`, type };
    if (type === 'DATE') return this.toDate(x);
    if (isTime(type)) return { ...this.toTimestamp(x), type };
    return { sql: isTime(x.type) ? this.asText(x) : `CAST(${x.sql} AS TEXT)`, type };
  }

  private toDate(x: Compiled, fmt?: Compiled): Compiled {
    if (!fmt && isTime(x.type)) return { sql: `substr(${x.sql}, 1, 10)`, type: 'DATE' };
    return { sql: `hana_to_date(${x.sql}${fmt ? `, ${fmt.sql}` : ''})`, type: 'DATE' };
  }

  private toTimestamp(x: Compiled, fmt?: Compiled): Compiled {
    if (!fmt && x.type === 'TIMESTAMP') return { sql: x.sql, type: 'TIMESTAMP' };
    if (!fmt && isTime(x.type)) return { sql: `hana_ts(${x.sql})`, type: 'TIMESTAMP' };
    return { sql: `hana_to_timestamp(${x.sql}${fmt ? `, ${fmt.sql}` : ''})`, type: 'TIMESTAMP' };
  }

  private compileFunc(e: Extract<Expr, { k: 'func' }>, clause: Clause): Compiled {
    const name = e.name;
    if (AGGREGATES.has(name)) return this.compileAggregate(e, clause);
    if (e.star || e.distinct) throw syntaxError(this.sql, e.tok);
    const arity = FUNCTION_ARITY[name];
    if (!arity) throw syntaxError(this.sql, e.tok, `function ${name} is not supported by hanasim`);
    if (e.args.length < arity[0] || e.args.length > arity[1]) {
      throw new HanaError(
        316,
        `wrong number of arguments in function invocation: ${name}`,
        'HY000',
        e.tok.pos,
      );
    }
    const a = e.args.map((x) => this.compile(x, clause));
    switch (name) {
      case 'NOW':
        this.usesNow = true;
        return { sql: '@now', type: 'TIMESTAMP' };
      case 'ADD_SECONDS':
        return { sql: `hana_add_seconds(${a[0].sql}, ${a[1].sql}, 'TIMESTAMP')`, type: 'TIMESTAMP' };
      case 'ADD_DAYS': {
        const type: HanaType = a[0].type === 'DATE' ? 'DATE' : 'TIMESTAMP';
        return { sql: `hana_add_days(${a[0].sql}, ${a[1].sql}, '${type}')`, type };
      }
      case 'SECONDS_BETWEEN':
        return { sql: `hana_seconds_between(${a[0].sql}, ${a[1].sql})`, type: 'BIGINT' };
      case 'DAYS_BETWEEN':
        return { sql: `hana_days_between(${a[0].sql}, ${a[1].sql})`, type: 'INTEGER' };
      case 'ISOWEEK':
        if (!isTime(a[0].type) && !STRING_TYPES.has(a[0].type)) throw inconsistent(e.args[0].tok);
        return { sql: `hana_isoweek(${a[0].sql})`, type: 'NVARCHAR' };
      case 'TO_DATE':
        return this.toDate(a[0], a[1]);
      case 'TO_TIMESTAMP':
        return this.toTimestamp(a[0], a[1]);
      case 'TO_VARCHAR':
      case 'TO_NVARCHAR': {
        const [x, fmt] = a;
        const fmtArg = e.args[1];
        const prefix =
          fmtArg && fmtArg.k === 'str' ? PREFIX_FORMATS.get(fmtArg.value.toUpperCase()) : undefined;
        const type: HanaType = name === 'TO_VARCHAR' ? 'VARCHAR' : 'NVARCHAR';
        if (prefix !== undefined && (x.type === 'TIMESTAMP' || (x.type === 'DATE' && prefix <= 10))) {
          return { sql: `substr(${x.sql}, 1, ${prefix})`, type };
        }
        return { sql: `hana_to_varchar(${x.sql}, ${fmt ? fmt.sql : 'NULL'}, '${x.type}')`, type };
      }
      case 'TO_BIGINT':
      case 'TO_INTEGER':
      case 'TO_INT':
        return { sql: `hana_to_bigint(${a[0].sql})`, type: name === 'TO_BIGINT' ? 'BIGINT' : 'INTEGER' };
      case 'TO_DOUBLE':
        return { sql: `CAST(${a[0].sql} AS REAL)`, type: 'DOUBLE' };
      case 'IFNULL':
      case 'COALESCE': {
        const typed = a.find((x, i) => e.args[i].k !== 'null' && !x.flexible) ?? a[0];
        const args = a.map((x, i) => this.coerce(x, typed, e.args[i].tok).sql);
        return { sql: `${name === 'IFNULL' ? 'ifnull' : 'coalesce'}(${args.join(', ')})`, type: typed.type };
      }
      case 'UPPER':
      case 'LOWER':
        return { sql: `hana_${name.toLowerCase()}(${this.asText(a[0])})`, type: 'NVARCHAR' };
      case 'LENGTH':
        return { sql: `length(${this.asText(a[0])})`, type: 'INTEGER' };
      case 'ABS':
        this.requireNumeric(a[0], e.args[0].tok);
        return { sql: `abs(${a[0].sql})`, type: a[0].type };
      case 'SUBSTRING':
      case 'SUBSTR':
        return {
          sql: `substr(${[this.asText(a[0]), ...a.slice(1).map((x) => x.sql)].join(', ')})`,
          type: 'NVARCHAR',
        };
      default:
        throw syntaxError(this.sql, e.tok);
    }
  }

  private compileAggregate(e: Extract<Expr, { k: 'func' }>, clause: Clause): Compiled {
    if (clause !== 'select' && clause !== 'having' && clause !== 'order') throw syntaxError(this.sql, e.tok);
    if (this.inAggregate) throw syntaxError(this.sql, e.tok, 'nested aggregate');
    const name = e.name;
    if (e.star) {
      if (name !== 'COUNT') throw syntaxError(this.sql, e.tok);
      return { sql: 'COUNT(*)', type: 'BIGINT' };
    }
    if (e.args.length !== 1) {
      throw new HanaError(
        316,
        `wrong number of arguments in function invocation: ${name}`,
        'HY000',
        e.tok.pos,
      );
    }
    this.inAggregate = true;
    const x = this.compile(e.args[0], clause);
    this.inAggregate = false;
    const d = e.distinct ? 'DISTINCT ' : '';
    switch (name) {
      case 'COUNT':
        return { sql: `COUNT(${d}${x.sql})`, type: 'BIGINT' };
      case 'MIN':
      case 'MAX':
        return { sql: `${name}(${d}${x.sql})`, type: x.type, meta: undefined };
      default: {
        if (!isInt(x.type) && x.type !== 'DOUBLE' && x.type !== 'DECIMAL') throw inconsistent(e.args[0].tok);
        const type: HanaType = name === 'AVG' ? 'DOUBLE' : isInt(x.type) ? 'BIGINT' : x.type;
        return { sql: `${name === 'SUM' ? 'SUM' : 'AVG'}(${d}${x.sql})`, type };
      }
    }
  }

  // ---- grouping checks --------------------------------------------------------------------

  private hasAggregate(e: Expr): boolean {
    if (e.k === 'func' && AGGREGATES.has(e.name)) return true;
    return children(e).some((c) => this.hasAggregate(c));
  }

  /** Every column outside an aggregate must be (part of) a GROUP BY expression: else 276. */
  private checkGrouped(e: Expr, groups: ReadonlySet<string>): void {
    const sql = this.memo.get(e);
    if (sql !== undefined && groups.has(sql)) return;
    if (e.k === 'func' && AGGREGATES.has(e.name)) return;
    if (e.k === 'col') {
      throw new HanaError(
        276,
        `missing aggregation or grouping: ${e.qualifier ? `${e.qualifier}.` : ''}${e.name}`,
        'HY000',
        e.tok.pos,
      );
    }
    for (const c of children(e)) this.checkGrouped(c, groups);
  }
}

function children(e: Expr): Expr[] {
  switch (e.k) {
    case 'func':
      return e.args;
    case 'cast':
    case 'neg':
    case 'not':
    case 'isnull':
      return [e.e];
    case 'bin':
      return [e.l, e.r];
    case 'in':
      return [e.e, ...e.list];
    case 'like':
      return [e.e, e.pattern, ...(e.escape ? [e.escape] : [])];
    case 'between':
      return [e.e, e.lo, e.hi];
    case 'case':
      return [
        ...(e.operand ? [e.operand] : []),
        ...e.whens.flatMap((w) => [w.when, w.then]),
        ...(e.else ? [e.else] : []),
      ];
    default:
      return [];
  }
}

/** Supported scalar functions: [min, max] argument count. */
const FUNCTION_ARITY: Record<string, [number, number]> = {
  NOW: [0, 0],
  ADD_SECONDS: [2, 2],
  ADD_DAYS: [2, 2],
  SECONDS_BETWEEN: [2, 2],
  DAYS_BETWEEN: [2, 2],
  ISOWEEK: [1, 1],
  TO_DATE: [1, 2],
  TO_TIMESTAMP: [1, 2],
  TO_VARCHAR: [1, 2],
  TO_NVARCHAR: [1, 2],
  TO_BIGINT: [1, 1],
  TO_INTEGER: [1, 1],
  TO_INT: [1, 1],
  TO_DOUBLE: [1, 1],
  IFNULL: [2, 2],
  COALESCE: [1, 64],
  UPPER: [1, 1],
  LOWER: [1, 1],
  LENGTH: [1, 1],
  ABS: [1, 1],
  SUBSTRING: [2, 3],
  SUBSTR: [2, 3],
};

export const SUPPORTED_FUNCTIONS: readonly string[] = [...Object.keys(FUNCTION_ARITY), ...AGGREGATES];

function hasDbColumn(view: ViewDef): boolean {
  return hasHiddenDatabaseName(view) || view.columns.some((c) => c.name === 'DATABASE_NAME');
}

function numberType(text: string): HanaType {
  if (/[eE]/.test(text)) return 'DOUBLE';
  if (text.includes('.')) return 'DECIMAL';
  return Math.abs(Number(text)) <= 2147483647 ? 'INTEGER' : 'BIGINT';
}

function typeExtras(type: HanaType): Partial<ColumnMeta> {
  if (type === 'NVARCHAR' || type === 'VARCHAR') return { length: 5000 };
  if (type === 'DECIMAL') return { length: 38, scale: 10 };
  return {};
}

function inconsistent(tok: Token): HanaError {
  return new HanaError(266, `inconsistent datatype: ${tok.text} at pos ${tok.pos}`, 'HY000', tok.pos);
}

/** Translates one HANA SELECT to SQLite (see the header for what is supported). */
export function translateSelect(sql: string, opts: TranslateOptions): CompiledSelect {
  return new Translator(sql, parseSelect(sql), opts).run();
}
