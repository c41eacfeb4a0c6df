/** The AST of the SELECT subset hanasim understands (built by selectParser, compiled by translate). */
import type { HanaType } from '../shared/types';
import type { Token } from './tokenizer';

export type Expr =
  | { k: 'str'; value: string; tok: Token }
  | { k: 'num'; value: string; tok: Token }
  | { k: 'null'; tok: Token }
  | { k: 'param'; index: number; tok: Token }
  | { k: 'col'; qualifier?: string; name: string; tok: Token }
  | { k: 'now'; which: string; tok: Token }
  | { k: 'func'; name: string; args: Expr[]; star: boolean; distinct: boolean; tok: Token }
  | { k: 'cast'; e: Expr; type: HanaType; tok: Token }
  | { k: 'bin'; op: string; l: Expr; r: Expr; tok: Token }
  | { k: 'neg'; e: Expr; tok: Token }
  | { k: 'not'; e: Expr; tok: Token }
  | { k: 'in'; e: Expr; list: Expr[]; not: boolean; tok: Token }
  | { k: 'like'; e: Expr; pattern: Expr; escape?: Expr; not: boolean; tok: Token }
  | { k: 'between'; e: Expr; lo: Expr; hi: Expr; not: boolean; tok: Token }
  | { k: 'isnull'; e: Expr; not: boolean; tok: Token }
  | { k: 'case'; operand?: Expr; whens: { when: Expr; then: Expr }[]; else?: Expr; tok: Token };

export type SelectItem =
  | { k: 'star'; qualifier?: string; tok: Token }
  | { k: 'expr'; e: Expr; alias?: string; text: string; tok: Token };

export interface TableRef {
  schema?: string;
  name: string;
  alias?: string;
  tok: Token;
}

export interface Join {
  type: 'INNER' | 'LEFT' | 'CROSS';
  table: TableRef;
  on?: Expr;
  tok: Token;
}

export interface OrderItem {
  e: Expr;
  desc: boolean;
  nulls?: 'FIRST' | 'LAST';
}

export interface SelectAst {
  distinct: boolean;
  top?: Expr;
  items: SelectItem[];
  from: TableRef;
  joins: Join[];
  where?: Expr;
  groupBy: Expr[];
  having?: Expr;
  orderBy: OrderItem[];
  limit?: Expr;
  offset?: Expr;
  paramCount: number;
}
