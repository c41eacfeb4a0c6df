/**
 * "Apply policy": the policy's global.ini values against the live configuration of its target
 * databases, the ALTER CONFIGURATION statements that make the DATABASE layer say what the policy
 * says, and the HOST-layer values those statements cannot reach. No VS Code here: the command and
 * the CLI both use it.
 */
import { parameterInfo, sameValue } from '../../../server/src/languageService/ini/parameterCatalog';
import type { Expectation } from '../../../server/src/languageService/layers/policyExpectations';
import type { Range } from '../../../server/src/languageService/types';
import { LAYER_ORDER } from '../catalog/backupParameters';
import { toText } from '../catalog/rowValues';
import type { SqlRunner } from '../hana/connectionPool';
import { setConfigurationStatement, sql, type SqlStatement } from '../hana/sqlText';
import { resolveTargetDatabases } from './targetDatabases';

export interface LiveValue {
  value: string;
  /** DATABASE, SYSTEM or DEFAULT: where the database's value comes from. */
  layer: string;
}

export interface ConfigurationDifference {
  database: string;
  section: string;
  key: string;
  /** What the database uses now outside HOST overrides; undefined when no layer sets it. */
  live?: LiveValue;
  wanted: string;
  /** How the policy says it, e.g. "`15m`". */
  said: string;
  /** Where the policy says it. */
  range: Range;
}

/** A live HOST-layer value that overrides what the policy sets: reported on the policy as HBP140. */
export interface HostOverrideFinding {
  code: 'HBP140';
  range: Range;
  message: string;
  section: string;
  key: string;
  wanted: string;
  overrides: { host: string; value: string }[];
}

export interface ApplyPlan {
  /** The connection the plan was read from. */
  system: string;
  /** The target databases as the system spells them, `*` expanded. */
  databases: string[];
  /** Target databases the system does not have: nothing is planned for them. */
  unknownDatabases: string[];
  differences: ConfigurationDifference[];
  /** One statement per difference, in the same order. */
  statements: SqlStatement[];
  findings: HostOverrideFinding[];
}

export interface ApplyOutcome {
  applied: number;
  /** The statement HANA refused; the ones after it were not sent. */
  failed?: { statement: SqlStatement; error: unknown };
}

interface IniRow {
  layer: string;
  tenant: string;
  host: string;
  section: string;
  key: string;
  value: string;
}

/** Every layer's rows of the policy's sections (a few dozen), read once for all target databases. */
async function iniRows(runner: SqlRunner, sections: string[]): Promise<IniRow[]> {
  const rows: IniRow[] = [];
  for (const section of sections) {
    const found = await runner.exec<Record<string, unknown>>(
      sql`SELECT LAYER_NAME, TENANT_NAME, HOST, SECTION, KEY, VALUE FROM M_INIFILE_CONTENTS
           WHERE FILE_NAME = 'global.ini' AND SECTION = ${section}`,
    );
    for (const row of found) {
      rows.push({
        layer: toText(row.LAYER_NAME).toUpperCase(),
        tenant: toText(row.TENANT_NAME).toUpperCase(),
        host: toText(row.HOST),
        section: toText(row.SECTION),
        key: toText(row.KEY),
        value: toText(row.VALUE),
      });
    }
  }
  return rows;
}

/** The database's value below the HOST layer: its own DATABASE layer, else SYSTEM, else DEFAULT. */
function liveValue(rows: IniRow[], database: string, expectation: Expectation): LiveValue | undefined {
  const candidates = rows.filter(
    (row) =>
      row.section === expectation.section &&
      row.key === expectation.key &&
      row.layer !== 'HOST' &&
      (row.layer !== 'DATABASE' || row.tenant === database.toUpperCase()),
  );
  candidates.sort((a, b) => LAYER_ORDER.indexOf(b.layer) - LAYER_ORDER.indexOf(a.layer));
  return candidates[0] && { value: candidates[0].value, layer: candidates[0].layer };
}

function hostFinding(
  system: string,
  rows: IniRow[],
  expectation: Expectation,
): HostOverrideFinding | undefined {
  const info = parameterInfo(expectation.section, expectation.key);
  // A HOST value equal to the policy's does no harm today, as HBP140 on configuration files says.
  const overrides = rows
    .filter(
      (row) =>
        row.layer === 'HOST' &&
        row.section === expectation.section &&
        row.key === expectation.key &&
        !sameValue(info, row.value, expectation.value),
    )
    .map((row) => ({ host: row.host, value: row.value }));
  if (!overrides.length) return undefined;
  const causes = overrides.map(
    (o) => `host ${o.host} overrides it to ${o.value} (HOST layer) for every database on that host`,
  );
  return {
    code: 'HBP140',
    range: expectation.range,
    message: `Drift: ${expectation.said} means \`[${expectation.section}] ${expectation.key} = ${expectation.value}\`, but on ${system} ${causes.join('; ')}. Apply policy sets only the DATABASE layer: remove the HOST-layer value, or change the policy.`,
    section: expectation.section,
    key: expectation.key,
    wanted: expectation.value,
    overrides,
  };
}

/**
 * Reads the live configuration on a SYSTEMDB connection and plans what applying the policy changes:
 * for each target database and policy value whose live value differs (compared the way HANA reads
 * it), a DATABASE-layer SET with RECONFIGURE. Changes nothing.
 */
export async function planApply(
  runner: SqlRunner,
  targetDatabases: readonly string[],
  expectations: readonly Expectation[],
): Promise<ApplyPlan> {
  const { databases, unknownDatabases } = await resolveTargetDatabases(runner, targetDatabases);
  const rows = await iniRows(runner, [...new Set(expectations.map((e) => e.section))]);
  const differences: ConfigurationDifference[] = [];
  for (const database of databases) {
    for (const expectation of expectations) {
      const live = liveValue(rows, database, expectation);
      const info = parameterInfo(expectation.section, expectation.key);
      if (live && sameValue(info, live.value, expectation.value)) continue;
      const { section, key, value: wanted, said, range } = expectation;
      differences.push({ database, section, key, ...(live ? { live } : {}), wanted, said, range });
    }
  }
  const statements = differences.map((d) =>
    setConfigurationStatement({
      file: 'global.ini',
      layer: 'DATABASE',
      layerName: d.database,
      section: d.section,
      key: d.key,
      value: d.wanted,
      reconfigure: true,
    }),
  );
  const findings = expectations
    .map((expectation) => hostFinding(runner.name, rows, expectation))
    .filter((finding): finding is HostOverrideFinding => finding !== undefined);
  return { system: runner.name, databases, unknownDatabases, differences, statements, findings };
}

/**
 * Runs the plan's statements in order. Stops at the first one HANA refuses: the usual causes (a
 * missing INIFILE ADMIN, a lost connection) would refuse the rest too, and the caller re-plans.
 */
export async function applyPlan(runner: SqlRunner, plan: ApplyPlan): Promise<ApplyOutcome> {
  let applied = 0;
  for (const statement of plan.statements) {
    try {
      await runner.exec(statement);
    } catch (error) {
      return { applied, failed: { statement, error } };
    }
    applied++;
  }
  return { applied };
}
