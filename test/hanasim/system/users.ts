import * as fs from 'node:fs';
import * as path from 'node:path';
import { createScramVerifier, type ScramVerifier } from '../protocol';
import type { Privilege } from '../sql/privileges';

export type { Privilege };

export interface UserRecord {
  database: string;
  name: string;
  verifier: ScramVerifier;
  locked: boolean;
  privileges: Privilege[];
}

/**
 * The users of every database, with salted SCRAM verifiers only (never a password), kept in one JSON
 * file of the data directory, replaced atomically on every change.
 */
export class UserStore {
  private readonly users = new Map<string, UserRecord>();

  constructor(private readonly file: string) {
    if (fs.existsSync(file)) {
      for (const user of JSON.parse(fs.readFileSync(file, 'utf8')) as UserRecord[])
        this.users.set(this.key(user.database, user.name), this.revive(user));
    }
  }

  private key(database: string, name: string): string {
    return `${database.toUpperCase()}/${name.toUpperCase()}`;
  }

  /** JSON turns the verifiers' Buffers into `{type, data}`; turn them back. */
  private revive(user: UserRecord): UserRecord {
    const revive = (value: unknown): unknown => {
      if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer')
        return Buffer.from((value as { data: number[] }).data);
      if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
      return value;
    };
    return { ...user, verifier: revive(user.verifier) as ScramVerifier };
  }

  add(database: string, name: string, password: string, privileges: Privilege[], locked = false): void {
    this.users.set(this.key(database, name), {
      database: database.toUpperCase(),
      name: name.toUpperCase(),
      verifier: createScramVerifier(password),
      locked,
      privileges,
    });
    this.save();
  }

  get(database: string, name: string): UserRecord | undefined {
    return this.users.get(this.key(database, name));
  }

  has(database: string, name: string, privilege: Privilege): boolean {
    return this.get(database, name)?.privileges.includes(privilege) ?? false;
  }

  private save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify([...this.users.values()]));
    fs.renameSync(temporary, this.file);
  }
}
