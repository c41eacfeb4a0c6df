import catalogJson from './parameterCatalog.json';

export type ParameterType = 'bool' | 'yesno' | 'int' | 'string' | 'path' | 'enum';

export interface ParameterInfo {
  section: string;
  name: string;
  type: ParameterType;
  default: string | null;
  min?: number;
  max?: number;
  values?: string[];
  unit?: string;
  doc: string;
  source: string;
  backupRelevant: boolean;
  /** The value Azure Backup sets at DATABASE level, for the five parameters it manages. */
  azure?: string;
}

interface Catalog {
  parameters: ParameterInfo[];
  patterns: (Omit<ParameterInfo, 'name' | 'default'> & { pattern: string })[];
  openSections: Record<string, boolean>;
  wrongNames: { name: string; message: string; replacement?: string; source: string }[];
}

const catalog = catalogJson as unknown as Catalog;

export const VALIDATED_SECTIONS = ['backup', 'persistence', 'system_replication'] as const;
export const PARAMETERS: readonly ParameterInfo[] = catalog.parameters;
export const WRONG_NAMES = catalog.wrongNames;

const byKey = new Map(PARAMETERS.map((p) => [`${p.section}/${p.name}`, p]));
const patterns = catalog.patterns.map((p) => ({ ...p, regex: new RegExp(p.pattern) }));

/** The catalog entry of `[section] name`, pattern entries (`*_backup_parameter_file`) included. */
export function parameterInfo(section: string, name: string): ParameterInfo | undefined {
  const exact = byKey.get(`${section}/${name}`);
  if (exact) return exact;
  const pattern = patterns.find((p) => p.section === section && p.regex.test(name));
  return pattern ? { ...pattern, name, default: null } : undefined;
}

/** Sections in which a name is known, for "belongs in [persistence]" (HBI005). */
export function sectionsOf(name: string): string[] {
  const sections = PARAMETERS.filter((p) => p.name === name).map((p) => p.section);
  for (const p of patterns) if (p.regex.test(name) && !sections.includes(p.section)) sections.push(p.section);
  return sections;
}

export function parametersOf(section: string): ParameterInfo[] {
  return PARAMETERS.filter((p) => p.section === section);
}

export function isOpenSection(section: string): boolean {
  return catalog.openSections[section] === true;
}

export function isValidatedSection(section: string): boolean {
  return (VALIDATED_SECTIONS as readonly string[]).includes(section);
}

/** HANA reads booleans as true/false; `yes/no` parameters also accept true/false. */
export function booleanValue(type: ParameterType, value: string): boolean | undefined {
  const lower = value.toLowerCase();
  if (lower === 'true' || (type === 'yesno' && lower === 'yes')) return true;
  if (lower === 'false' || (type === 'yesno' && lower === 'no')) return false;
  return undefined;
}

/** Values compare the way HANA reads them: booleans by meaning, numbers by value, paths without a trailing slash. */
export function sameValue(info: ParameterInfo | undefined, a: string, b: string): boolean {
  if (!info) return a === b;
  if (info.type === 'bool' || info.type === 'yesno') {
    const x = booleanValue('yesno', a);
    const y = booleanValue('yesno', b);
    return x !== undefined && x === y;
  }
  if (info.type === 'int') return Number(a) === Number(b);
  if (info.type === 'path') return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
  return a === b;
}
