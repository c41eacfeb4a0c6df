import { ConfigIndex } from '../layers/configIndex';
import { sidOfSystem, type TargetExpectations } from '../layers/policyExpectations';
import type { ConnectionInfo, Diagnostic } from '../types';
import { GovernanceIndex } from './governanceIndex';

/** A Backint parameter file of the workspace: where it is, and what its last check found. */
export interface BackintFileState {
  uri: string;
  path: string;
  problems: Diagnostic[];
}

/**
 * Everything the cross-file rules read: which databases each policy governs (HBP131), what each
 * policy implies for global.ini (HBP140, HBI011), every global.ini by system, and the Backint files
 * that `*_parameter_file` values point at (links, HBI024).
 */
export class WorkspaceModel {
  readonly governance = new GovernanceIndex();
  readonly config = new ConfigIndex();
  private readonly expectations = new Map<string, TargetExpectations[]>();
  private readonly backint = new Map<string, BackintFileState>();

  setExpectations(uri: string, targets: TargetExpectations[]): void {
    if (targets.length) this.expectations.set(uri, targets);
    else this.expectations.delete(uri);
  }

  deleteExpectations(uri: string): void {
    this.expectations.delete(uri);
  }

  expectationsSignature(uri: string): string {
    return JSON.stringify(
      (this.expectations.get(uri) ?? []).map((t) => [
        t.system,
        t.provider,
        t.databases,
        t.expectations.map((e) => [e.section, e.key, e.value]),
      ]),
    );
  }

  /** Systems (SIDs) a policy file's targets resolve to. */
  systemsOfPolicy(uri: string, connections: readonly ConnectionInfo[]): Set<string> {
    return new Set((this.expectations.get(uri) ?? []).map((t) => sidOfSystem(t.system, connections)));
  }

  /** Policy targets whose system resolves to `sid`. */
  targetsOf(sid: string, connections: readonly ConnectionInfo[]): TargetExpectations[] {
    const result: TargetExpectations[] = [];
    for (const targets of this.expectations.values()) {
      for (const target of targets) if (sidOfSystem(target.system, connections) === sid) result.push(target);
    }
    return result;
  }

  policyUrisTargeting(sids: ReadonlySet<string>, connections: readonly ConnectionInfo[]): string[] {
    const result: string[] = [];
    for (const [uri, targets] of this.expectations) {
      if (targets.some((t) => sids.has(sidOfSystem(t.system, connections)))) result.push(uri);
    }
    return result;
  }

  setBackint(state: BackintFileState): void {
    this.backint.set(state.uri, state);
  }

  backintState(uri: string): BackintFileState | undefined {
    return this.backint.get(uri);
  }

  deleteBackint(uri: string): void {
    this.backint.delete(uri);
  }

  /** Paths of the Backint files, as HANA would see them (from `/usr/sap/` on when the path shows it). */
  parameterFilePaths(): string[] {
    return [...this.backint.values()]
      .map((state) => /\/usr\/sap\/.*$/.exec(state.path)?.[0] ?? state.path)
      .sort();
  }

  /**
   * The workspace file a `*_parameter_file` value names: the file whose path ends with the value
   * (a workspace mirrors `/usr/sap/<SID>/…` under some folder), or the exact path.
   */
  findParameterFile(value: string): BackintFileState | undefined {
    const wanted = value.replace(/\\/g, '/');
    if (!wanted.startsWith('/')) return undefined;
    let best: BackintFileState | undefined;
    for (const state of this.backint.values()) {
      if (state.path === wanted || state.path.endsWith(wanted)) {
        if (!best || state.path.length < best.path.length) best = state;
      }
    }
    return best;
  }
}
