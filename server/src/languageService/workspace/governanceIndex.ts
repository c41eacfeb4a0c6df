import type { DocumentContext } from '../diagnostics/documentContext';
import { durationSeconds } from '../model/duration';
import type { PolicyModel } from '../model/policyModel';
import { DIAGNOSTIC_SOURCE, POLICY_RULES } from '../diagnostics/codes';
import { Diagnostic, DiagnosticRelatedInformation, Location, type Range } from '../types';

/** One database (or `*`) a policy governs, with where it is written. */
export interface GovernedDatabase {
  uri: string;
  documentIndex: number;
  policy: string;
  system: string;
  database: string;
  range: Range;
  /** What the tree and the commands need of the policy (not part of the HBP131 comparison). */
  facts: PolicyFacts;
}

/** A policy's objectives and snapshot command for the databases it governs. */
export interface PolicyFacts {
  policy: string;
  uri: string;
  rpoSeconds?: number;
  rpoText?: string;
  snapshotCommand?: string;
}

function sameDatabase(a: GovernedDatabase, b: GovernedDatabase): boolean {
  if (a.system !== b.system) return false;
  return a.database === '*' || b.database === '*' || a.database.toUpperCase() === b.database.toUpperCase();
}

/** What each policy document of a file governs: the input of HBP131. */
export function governedBy(ctx: DocumentContext, model: PolicyModel): GovernedDatabase[] {
  const policy = model.name ?? `document ${ctx.doc.index + 1}`;
  const command = model.destinations.snapshot?.command;
  const facts: PolicyFacts = {
    policy,
    uri: ctx.uri,
    rpoSeconds: model.rpo ? durationSeconds(model.rpo) : undefined,
    rpoText: model.rpo?.text,
    snapshotCommand: typeof command === 'string' && command.trim() ? command.trim() : undefined,
  };
  return model.targets.flatMap((target) =>
    target.databases.map((database) => ({
      uri: ctx.uri,
      documentIndex: ctx.doc.index,
      policy,
      system: target.system,
      database: database.name,
      range: ctx.valueRange(['spec', 'targets', target.index, 'databases', database.index]),
      facts,
    })),
  );
}

/**
 * The databases governed by every policy file of the workspace, opened or not. Files are replaced
 * whole on every change, so the index is always what the files say now.
 */
export class GovernanceIndex {
  private readonly byUri = new Map<string, GovernedDatabase[]>();
  /** system → file → what the file governs of it: a policy is compared with its own systems only. */
  private readonly bySystem = new Map<string, Map<string, GovernedDatabase[]>>();

  set(uri: string, entries: GovernedDatabase[]): void {
    this.delete(uri);
    if (entries.length === 0) return;
    this.byUri.set(uri, entries);
    for (const entry of entries) {
      const files = this.bySystem.get(entry.system) ?? new Map<string, GovernedDatabase[]>();
      const list = files.get(uri) ?? [];
      list.push(entry);
      files.set(uri, list);
      this.bySystem.set(entry.system, files);
    }
  }

  delete(uri: string): void {
    for (const system of this.systemsOf(uri)) {
      const files = this.bySystem.get(system);
      files?.delete(uri);
      if (files?.size === 0) this.bySystem.delete(system);
    }
    this.byUri.delete(uri);
  }

  /** Files (other than `uri`) that govern a database of one of the given systems. */
  filesSharingSystems(uri: string, systems: ReadonlySet<string>): string[] {
    const result = new Set<string>();
    for (const system of systems)
      for (const other of this.bySystem.get(system)?.keys() ?? []) if (other !== uri) result.add(other);
    return [...result];
  }

  /** What a file governs, as a string that changes exactly when its entries do (positions included). */
  signatureOf(uri: string): string {
    return JSON.stringify((this.byUri.get(uri) ?? []).map(({ facts: _facts, ...entry }) => entry));
  }

  /**
   * The policy governing one database: the entry naming it, else one for every database (`*`) of
   * its system. Undefined when no policy (or more than one, HBP131) claims it.
   */
  policyFor(system: string, database: string): PolicyFacts | undefined {
    const entries = [...(this.bySystem.get(system)?.values() ?? [])].flat();
    const named = entries.filter((e) => e.database.toUpperCase() === database.toUpperCase());
    const candidates = named.length ? named : entries.filter((e) => e.database === '*');
    const policies = new Set(candidates.map((e) => `${e.uri}#${e.documentIndex}`));
    return policies.size === 1 ? candidates[0].facts : undefined;
  }

  systemsOf(uri: string): Set<string> {
    return new Set((this.byUri.get(uri) ?? []).map((entry) => entry.system));
  }

  /** HBP131 for one document: its entries against the file's other documents and every other file. */
  conflicts(uri: string, own: GovernedDatabase[], sameFileOthers: GovernedDatabase[]): Diagnostic[] {
    if (own.length === 0) return [];
    const others = [...sameFileOthers];
    for (const system of new Set(own.map((entry) => entry.system))) {
      for (const [other, entries] of this.bySystem.get(system) ?? [])
        if (other !== uri) others.push(...entries);
    }
    const result: Diagnostic[] = [];
    for (const entry of own) {
      const conflicts = others.filter((other) => sameDatabase(entry, other));
      if (conflicts.length === 0) continue;
      const names = [...new Set(conflicts.map((c) => `"${c.policy}"`))].join(', ');
      result.push(
        Diagnostic.create(
          entry.range,
          `${describeEntry(entry)} is also governed by policy ${names}: two policies would fight over its schedules and retention. Keep each database in one policy.`,
          POLICY_RULES.HBP131.severity,
          'HBP131',
          DIAGNOSTIC_SOURCE,
          conflicts.map((c) =>
            DiagnosticRelatedInformation.create(
              Location.create(c.uri, c.range),
              `also governed by "${c.policy}" (${describeEntry(c)})`,
            ),
          ),
        ),
      );
    }
    return result;
  }
}

function describeEntry(entry: GovernedDatabase): string {
  return entry.database === '*' ? `every database of ${entry.system}` : `${entry.system}/${entry.database}`;
}
