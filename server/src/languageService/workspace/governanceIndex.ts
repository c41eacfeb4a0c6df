import type { DocumentContext } from '../diagnostics/documentContext';
import type { PolicyModel } from '../model/policyModel';
import { DiagnosticRelatedInformation, Location, type Range } from '../types';

/** One database (or `*`) a policy governs, with where it is written. */
export interface GovernedDatabase {
  uri: string;
  documentIndex: number;
  policy: string;
  system: string;
  database: string;
  range: Range;
}

function sameDatabase(a: GovernedDatabase, b: GovernedDatabase): boolean {
  if (a.system !== b.system) return false;
  return a.database === '*' || b.database === '*' || a.database.toUpperCase() === b.database.toUpperCase();
}

/** What each policy document of a file governs: the input of HBP131. */
export function governedBy(ctx: DocumentContext, model: PolicyModel): GovernedDatabase[] {
  const policy = model.name ?? `document ${ctx.doc.index + 1}`;
  return model.targets.flatMap((target) =>
    target.databases.map((database) => ({
      uri: ctx.uri,
      documentIndex: ctx.doc.index,
      policy,
      system: target.system,
      database: database.name,
      range: ctx.valueRange(['spec', 'targets', target.index, 'databases', database.index]),
    })),
  );
}

/**
 * The databases governed by every policy file of the workspace, opened or not. Files are replaced
 * whole on every change, so the index is always what the files say now.
 */
export class GovernanceIndex {
  private readonly byUri = new Map<string, GovernedDatabase[]>();

  set(uri: string, entries: GovernedDatabase[]): void {
    if (entries.length === 0) this.byUri.delete(uri);
    else this.byUri.set(uri, entries);
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  uris(): string[] {
    return [...this.byUri.keys()];
  }

  /** Files (other than `uri`) that govern a database of one of the given systems. */
  filesSharingSystems(uri: string, systems: ReadonlySet<string>): string[] {
    const result: string[] = [];
    for (const [other, entries] of this.byUri) {
      if (other !== uri && entries.some((entry) => systems.has(entry.system))) result.push(other);
    }
    return result;
  }

  /** What a file governs, as a string that changes exactly when its entries do (positions included). */
  signatureOf(uri: string): string {
    return JSON.stringify(this.byUri.get(uri) ?? []);
  }

  systemsOf(uri: string): Set<string> {
    return new Set((this.byUri.get(uri) ?? []).map((entry) => entry.system));
  }

  /** HBP131 for one document: its entries against every other policy document in the workspace. */
  reportConflicts(ctx: DocumentContext, own: GovernedDatabase[], sameFile: GovernedDatabase[]): void {
    const others = [
      ...sameFile.filter((entry) => entry.documentIndex !== ctx.doc.index),
      ...[...this.byUri].filter(([uri]) => uri !== ctx.uri).flatMap(([, entries]) => entries),
    ];
    for (const entry of own) {
      const conflicts = others.filter((other) => sameDatabase(entry, other));
      if (conflicts.length === 0) continue;
      const names = [...new Set(conflicts.map((c) => `"${c.policy}"`))].join(', ');
      const what =
        entry.database === '*' ? `every database of ${entry.system}` : `${entry.system}/${entry.database}`;
      ctx.report(
        'HBP131',
        entry.range,
        `${what} is also governed by policy ${names}: two policies would fight over its schedules and retention. Keep each database in one policy.`,
        {
          related: conflicts.map((c) =>
            DiagnosticRelatedInformation.create(
              Location.create(c.uri, c.range),
              `also governed by "${c.policy}" (${c.database === '*' ? `every database of ${c.system}` : `${c.system}/${c.database}`})`,
            ),
          ),
        },
      );
    }
  }
}
