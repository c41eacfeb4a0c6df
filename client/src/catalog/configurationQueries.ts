/** The backup parameters in effect for one database, with the layer each comes from. */
import type { SqlRunner } from '../hana/connectionPool';
import { sql } from '../hana/sqlText';
import { isBackupParameter, LAYER_ORDER } from './backupParameters';
import type { ParameterValue } from './catalogTypes';
import { toText } from './rowValues';

export interface EffectiveParameter {
  section: string;
  key: string;
  /** The value the database's services use unless a HOST layer says otherwise. */
  effective: ParameterValue;
  /** Values it overrides in lower layers. */
  overridden: ParameterValue[];
  /** HOST-layer values: on those hosts they win over {@link effective}. */
  hostOverrides: ParameterValue[];
}

export async function readEffectiveConfiguration(
  runner: SqlRunner,
  database: string,
): Promise<EffectiveParameter[]> {
  const rows = await runner.exec<Record<string, unknown>>(
    sql`SELECT LAYER_NAME, TENANT_NAME, HOST, SECTION, KEY, VALUE FROM M_INIFILE_CONTENTS
         WHERE FILE_NAME = 'global.ini' AND SECTION IN ('backup', 'persistence')
           AND (LAYER_NAME <> 'DATABASE' OR TENANT_NAME = ${database})
         ORDER BY SECTION, KEY`,
  );
  const byKey = new Map<string, ParameterValue[]>();
  for (const row of rows) {
    const section = toText(row.SECTION);
    const key = toText(row.KEY);
    if (!isBackupParameter(section, key)) continue;
    const layer = toText(row.LAYER_NAME).toUpperCase();
    const value: ParameterValue = {
      section,
      key,
      value: toText(row.VALUE),
      layer,
      layerName:
        layer === 'HOST' ? toText(row.HOST) : layer === 'DATABASE' ? toText(row.TENANT_NAME) : undefined,
    };
    const id = `${section}\u0000${key}`;
    byKey.set(id, [...(byKey.get(id) ?? []), value]);
  }
  const result: EffectiveParameter[] = [];
  for (const values of byKey.values()) {
    const layered = values
      .filter((v) => v.layer !== 'HOST')
      .sort((a, b) => LAYER_ORDER.indexOf(b.layer) - LAYER_ORDER.indexOf(a.layer));
    const hostOverrides = values.filter((v) => v.layer === 'HOST');
    const effective = layered[0] ?? hostOverrides[0];
    result.push({
      section: effective.section,
      key: effective.key,
      effective,
      overridden: layered.slice(1),
      hostOverrides: layered.length ? hostOverrides : hostOverrides.slice(1),
    });
  }
  return result.sort((a, b) => a.section.localeCompare(b.section) || a.key.localeCompare(b.key));
}
