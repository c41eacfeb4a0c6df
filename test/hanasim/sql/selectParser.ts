/**
 * Recursive-descent parser for the SELECT subset (tokens → SelectAst). Anything outside the subset
 * raises 257 at the first token it does not understand; names are resolved later (translate.ts).
 */
import type { HanaType } from '../shared/types';
import { syntaxError } from './errors';
import type { Expr, Join, OrderItem, SelectAst, SelectItem, TableRef } from './selectAst';
import { type Token, TokenStream, tokenize } from './tokenizer';

/** Words that cannot be used as unquoted identifiers or aliases in the subset. */
export const RESERVED = new Set(
  (
    'ALL AND AS ASC BETWEEN BY CASE CROSS DESC DISTINCT ELSE END ESCAPE EXCEPT FOR FROM FULL GROUP HAVING ' +
    'IN INNER INTERSECT INTO IS JOIN LEFT LIKE LIMIT MINUS NOT NULL OFFSET ON OR ORDER OUTER OVER RIGHT ' +
    'SELECT THEN TOP UNION WHEN WHERE WITH'
  ).split(' '),
);

/** Niladic time functions, written without parentheses. */
export const NOW_WORDS = new Set([
  'CURRENT_UTCTIMESTAMP',
  'CURRENT_TIMESTAMP',
  'CURRENT_DATE',
  'CURRENT_UTCDATE',
]);

const CAST_TYPES: Record<string, HanaType> = {
  BIGINT: 'BIGINT',
  INTEGER: 'INTEGER',
  INT: 'INTEGER',
  SMALLINT: 'SMALLINT',
  TINYINT: 'TINYINT',
  DOUBLE: 'DOUBLE',
  DECIMAL: 'DECIMAL',
  NVARCHAR: 'NVARCHAR',
  VARCHAR: 'VARCHAR',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
  SECONDDATE: 'SECONDDATE',
};

const BOOLEAN_KINDS = new Set(['not', 'in', 'like', 'between', 'isnull']);
const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);

export function isBooleanExpr(e: Expr): boolean {
  return (
    BOOLEAN_KINDS.has(e.k) || (e.k === 'bin' && (COMPARISONS.has(e.op) || e.op === 'AND' || e.op === 'OR'))
  );
}

class SelectParser {
  private params = 0;
  constructor(private readonly ts: TokenStream) {}

  private fail(tok: Token = this.ts.peek()): never {
    throw syntaxError(this.ts.sql, tok);
  }
  private expectWord(kw: string): Token {
    if (!this.ts.isWord(kw)) this.fail();
    return this.ts.next();
  }
  private expectOp(op: string): Token {
    if (!this.ts.isOp(op)) this.fail();
    return this.ts.next();
  }
  /** An identifier: unreserved word (upper-cased) or "quoted" (case kept). */
  private ident(): string {
    const t = this.ts.peek();
    if (t.kind === 'quoted' || (t.kind === 'word' && !RESERVED.has(t.value))) {
      this.ts.next();
      return t.value;
    }
    return this.fail();
  }
  private isIdentStart(): boolean {
    const t = this.ts.peek();
    return t.kind === 'quoted' || (t.kind === 'word' && !RESERVED.has(t.value));
  }
  private alias(): string | undefined {
    if (this.ts.acceptWord('AS')) return this.ident();
    return this.isIdentStart() ? this.ident() : undefined;
  }

  parse(): SelectAst {
    this.expectWord('SELECT');
    let distinct = false;
    let top: Expr | undefined;
    for (;;) {
      if (!top && this.ts.isWord('TOP')) {
        this.ts.next();
        top = this.countValue();
      } else if (!distinct && this.ts.acceptWord('DISTINCT')) distinct = true;
      else if (this.ts.acceptWord('ALL')) continue;
      else break;
    }
    const items: SelectItem[] = [this.selectItem()];
    while (this.ts.acceptOp(',')) items.push(this.selectItem());
    this.expectWord('FROM');
    const from = this.tableRef();
    const joins: Join[] = [];
    for (;;) {
      const tok = this.ts.peek();
      if (this.ts.acceptOp(',') || this.ts.acceptWord('CROSS', 'JOIN')) {
        joins.push({ type: 'CROSS', table: this.tableRef(), tok });
        continue;
      }
      let type: 'INNER' | 'LEFT' | undefined;
      if (this.ts.acceptWord('JOIN') || this.ts.acceptWord('INNER', 'JOIN')) type = 'INNER';
      else if (this.ts.acceptWord('LEFT', 'OUTER', 'JOIN') || this.ts.acceptWord('LEFT', 'JOIN'))
        type = 'LEFT';
      if (!type) break;
      const table = this.tableRef();
      this.expectWord('ON');
      joins.push({ type, table, on: this.condition(), tok });
    }
    const ast: SelectAst = { distinct, top, items, from, joins, groupBy: [], orderBy: [], paramCount: 0 };
    if (this.ts.acceptWord('WHERE')) ast.where = this.condition();
    if (this.ts.acceptWord('GROUP', 'BY')) {
      ast.groupBy.push(this.value());
      while (this.ts.acceptOp(',')) ast.groupBy.push(this.value());
    }
    if (this.ts.acceptWord('HAVING')) ast.having = this.condition();
    if (this.ts.acceptWord('ORDER', 'BY')) {
      ast.orderBy.push(this.orderItem());
      while (this.ts.acceptOp(',')) ast.orderBy.push(this.orderItem());
    }
    if (this.ts.acceptWord('LIMIT')) {
      ast.limit = this.countValue();
      if (this.ts.acceptWord('OFFSET')) ast.offset = this.countValue();
    }
    this.ts.acceptTerminator();
    if (!this.ts.atEnd()) this.fail();
    ast.paramCount = this.params;
    return ast;
  }

  private countValue(): Expr {
    const t = this.ts.peek();
    if (t.kind === 'number' && /^\d+$/.test(t.value)) {
      this.ts.next();
      return { k: 'num', value: t.value, tok: t };
    }
    if (t.kind === 'param') {
      this.ts.next();
      return { k: 'param', index: this.params++, tok: t };
    }
    return this.fail();
  }

  private selectItem(): SelectItem {
    const tok = this.ts.peek();
    if (this.ts.acceptOp('*')) return { k: 'star', tok };
    if (this.isIdentStart() && this.ts.isOp('.', 1) && this.ts.isOp('*', 2)) {
      const qualifier = this.ident();
      this.ts.next();
      this.ts.next();
      return { k: 'star', qualifier, tok };
    }
    const e = this.value();
    const text = this.ts.sql.slice(tok.pos - 1, this.ts.peek().pos - 1).trim();
    return { k: 'expr', e, text, alias: this.alias(), tok };
  }

  private tableRef(): TableRef {
    const tok = this.ts.peek();
    let name = this.ident();
    let schema: string | undefined;
    if (this.ts.acceptOp('.')) {
      schema = name;
      name = this.ident();
    }
    return { schema, name, alias: this.alias(), tok };
  }

  private orderItem(): OrderItem {
    const item: OrderItem = { e: this.value(), desc: false };
    if (this.ts.acceptWord('DESC')) item.desc = true;
    else this.ts.acceptWord('ASC');
    if (this.ts.acceptWord('NULLS', 'FIRST')) item.nulls = 'FIRST';
    else if (this.ts.acceptWord('NULLS', 'LAST')) item.nulls = 'LAST';
    return item;
  }

  /** A value expression (no predicates at the top level). */
  value(): Expr {
    const e = this.additive();
    if (isBooleanExpr(e)) this.fail(e.tok);
    return e;
  }

  /** A search condition: OR / AND / NOT over predicates. */
  condition(): Expr {
    let l = this.andCond();
    while (this.ts.isWord('OR')) {
      const tok = this.ts.next();
      l = { k: 'bin', op: 'OR', l, r: this.andCond(), tok };
    }
    return l;
  }
  private andCond(): Expr {
    let l = this.notCond();
    while (this.ts.isWord('AND')) {
      const tok = this.ts.next();
      l = { k: 'bin', op: 'AND', l, r: this.notCond(), tok };
    }
    return l;
  }
  private notCond(): Expr {
    if (this.ts.isWord('NOT')) {
      const tok = this.ts.next();
      return { k: 'not', e: this.notCond(), tok };
    }
    return this.predicate();
  }
  private predicate(): Expr {
    const e = this.additive();
    const tok = this.ts.peek();
    if (tok.kind === 'op' && COMPARISONS.has(tok.value)) {
      this.ts.next();
      return { k: 'bin', op: tok.value, l: e, r: this.operand(), tok };
    }
    if (this.ts.acceptWord('IS')) {
      const not = this.ts.acceptWord('NOT');
      this.expectWord('NULL');
      return { k: 'isnull', e, not, tok };
    }
    const not = this.ts.isWord('NOT') && ['IN', 'LIKE', 'BETWEEN'].some((w) => this.ts.isWord(w, 1));
    if (not) this.ts.next();
    if (this.ts.acceptWord('IN')) {
      this.expectOp('(');
      const list = [this.operand()];
      while (this.ts.acceptOp(',')) list.push(this.operand());
      this.expectOp(')');
      return { k: 'in', e, list, not, tok };
    }
    if (this.ts.acceptWord('LIKE')) {
      const pattern = this.operand();
      const escape = this.ts.acceptWord('ESCAPE') ? this.operand() : undefined;
      return { k: 'like', e, pattern, escape, not, tok };
    }
    if (this.ts.acceptWord('BETWEEN')) {
      const lo = this.operand();
      this.expectWord('AND');
      return { k: 'between', e, lo, hi: this.operand(), not, tok };
    }
    if (!isBooleanExpr(e)) this.fail();
    return e;
  }
  private operand(): Expr {
    return this.value();
  }

  private additive(): Expr {
    let l = this.multiplicative();
    for (;;) {
      const tok = this.ts.peek();
      if (tok.kind !== 'op' || !['+', '-', '||'].includes(tok.value)) return l;
      this.ts.next();
      l = { k: 'bin', op: tok.value, l, r: this.multiplicative(), tok };
    }
  }
  private multiplicative(): Expr {
    let l = this.unary();
    for (;;) {
      const tok = this.ts.peek();
      if (tok.kind !== 'op' || !['*', '/'].includes(tok.value)) return l;
      this.ts.next();
      l = { k: 'bin', op: tok.value, l, r: this.unary(), tok };
    }
  }
  private unary(): Expr {
    const tok = this.ts.peek();
    if (this.ts.acceptOp('-')) return { k: 'neg', e: this.unary(), tok };
    if (this.ts.acceptOp('+')) return this.unary();
    return this.primary();
  }

  private primary(): Expr {
    const tok = this.ts.peek();
    switch (tok.kind) {
      case 'number':
        this.ts.next();
        return { k: 'num', value: tok.value, tok };
      case 'string':
        this.ts.next();
        return { k: 'str', value: tok.value, tok };
      case 'param':
        this.ts.next();
        return { k: 'param', index: this.params++, tok };
      case 'op':
        if (tok.value !== '(') return this.fail();
        this.ts.next();
        if (this.ts.isWord('SELECT')) this.fail();
        {
          const inner = this.condition();
          this.expectOp(')');
          return inner;
        }
      case 'quoted':
        return this.columnRef();
      case 'word':
        break;
      default:
        return this.fail();
    }
    if (this.ts.acceptWord('NULL')) return { k: 'null', tok };
    if (this.ts.isWord('CASE')) return this.caseExpr();
    if (this.ts.isWord('CAST') && this.ts.isOp('(', 1)) return this.castExpr();
    if (NOW_WORDS.has(tok.value) && !this.ts.isOp('(', 1)) {
      this.ts.next();
      return { k: 'now', which: tok.value, tok };
    }
    if (RESERVED.has(tok.value)) return this.fail();
    if (this.ts.isOp('(', 1)) return this.funcCall();
    return this.columnRef();
  }

  private columnRef(): Expr {
    const tok = this.ts.peek();
    const first = this.ident();
    if (!this.ts.acceptOp('.')) return { k: 'col', name: first, tok };
    const nameTok = this.ts.peek();
    const name = this.ident();
    if (this.ts.isOp('.')) this.fail();
    return { k: 'col', qualifier: first, name, tok: nameTok };
  }

  private funcCall(): Expr {
    const tok = this.ts.next();
    this.expectOp('(');
    const e: Expr = { k: 'func', name: tok.value, args: [], star: false, distinct: false, tok };
    if (this.ts.acceptOp('*')) e.star = true;
    else if (!this.ts.isOp(')')) {
      e.distinct = this.ts.acceptWord('DISTINCT');
      e.args.push(this.value());
      while (this.ts.acceptOp(',')) e.args.push(this.value());
    }
    this.expectOp(')');
    return e;
  }

  private castExpr(): Expr {
    const tok = this.ts.next();
    this.expectOp('(');
    const e = this.value();
    this.expectWord('AS');
    const typeTok = this.ts.next();
    const type = typeTok.kind === 'word' ? CAST_TYPES[typeTok.value] : undefined;
    if (!type) this.fail(typeTok);
    if (this.ts.acceptOp('(')) {
      if (this.ts.peek().kind !== 'number') this.fail();
      this.ts.next();
      if (this.ts.acceptOp(',')) {
        if (this.ts.peek().kind !== 'number') this.fail();
        this.ts.next();
      }
      this.expectOp(')');
    }
    this.expectOp(')');
    return { k: 'cast', e, type, tok };
  }

  private caseExpr(): Expr {
    const tok = this.ts.next();
    const operand = this.ts.isWord('WHEN') ? undefined : this.value();
    const whens: { when: Expr; then: Expr }[] = [];
    while (this.ts.acceptWord('WHEN')) {
      const when = operand ? this.value() : this.condition();
      this.expectWord('THEN');
      whens.push({ when, then: this.value() });
    }
    if (whens.length === 0) this.fail();
    const elseExpr = this.ts.acceptWord('ELSE') ? this.value() : undefined;
    this.expectWord('END');
    return { k: 'case', operand, whens, else: elseExpr, tok };
  }
}

/** Parses one SELECT statement. */
export function parseSelect(sql: string): SelectAst {
  return new SelectParser(new TokenStream(sql, tokenize(sql))).parse();
}
