/**
 * A SqlRunner around another that hands each statement to `intercept` with the call that runs
 * it: how a test injects a fault at one particular statement (the BACKUP, the RECOVER) rather
 * than at a moment in time.
 */
import type { ExecOptions, SqlRunner } from '../../../client/src/hana/connectionPool';
import { SqlStatement, type SqlParameter } from '../../../client/src/hana/sqlText';

export type Interceptor = (text: string, run: () => Promise<unknown[]>) => Promise<unknown[]>;

export function interceptingRunner(inner: SqlRunner, intercept: Interceptor): SqlRunner {
  return {
    get name() {
      return inner.name;
    },
    exec: <T>(statement: SqlStatement | string, params?: readonly SqlParameter[], options?: ExecOptions) =>
      intercept(statement instanceof SqlStatement ? statement.text : statement, () =>
        inner.exec(statement, params, options),
      ) as Promise<T[]>,
  };
}
