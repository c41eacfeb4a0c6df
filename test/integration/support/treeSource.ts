/** A TreeSource over one HanaConnectionPool that counts the rows each call fetched. */
import type { ConnectionConfig } from '../../../client/src/connections/connectionConfig';
import type { HanaConnectionPool, SqlRunner } from '../../../client/src/hana/connectionPool';
import type { TreeSource } from '../../../client/src/tree/treeData';

export class CountingSource implements TreeSource {
  /** Rows fetched since the last {@link take}. */
  rows = 0;
  statements = 0;

  constructor(
    private readonly connection: ConnectionConfig,
    private readonly pool: HanaConnectionPool,
  ) {}

  list(): ConnectionConfig[] {
    return [this.connection];
  }

  problems(): string[] {
    return [];
  }

  async runner(): Promise<SqlRunner> {
    return {
      name: this.connection.name,
      exec: async (statement, params, options) => {
        const rows = await this.pool.exec(statement, params, options);
        this.rows += rows.length;
        this.statements++;
        return rows as never[];
      },
    };
  }

  /** Rows and statements since the last call. */
  take(): { rows: number; statements: number } {
    const counts = { rows: this.rows, statements: this.statements };
    this.rows = 0;
    this.statements = 0;
    return counts;
  }
}
