/** A SqlRunner that counts the rows and keeps the text of every statement it passes on. */
import { SqlStatement, type SqlParameter } from '../../../client/src/hana/sqlText';
import type { SqlRunner } from '../../../client/src/hana/connectionPool';

type Row = Record<string, unknown>;

export class CountingRunner implements SqlRunner {
  rows = 0;
  statements: string[] = [];
  constructor(private readonly inner: SqlRunner) {}
  get name(): string {
    return this.inner.name;
  }
  async exec<T = Row>(statement: SqlStatement | string, params?: readonly SqlParameter[]): Promise<T[]> {
    const rows = await this.inner.exec<T>(statement, params);
    this.rows += rows.length;
    this.statements.push(statement instanceof SqlStatement ? statement.text : statement);
    return rows;
  }
  /** The counts since the last take, then starts again from zero. */
  take(): { rows: number; statements: string[] } {
    const taken = { rows: this.rows, statements: this.statements };
    this.rows = 0;
    this.statements = [];
    return taken;
  }
}
