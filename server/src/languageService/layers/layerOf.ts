import type { IniDirective } from '../ini/iniDocument';

export type Layer = 'DEFAULT' | 'SYSTEM' | 'DATABASE' | 'HOST';
export const LAYER_ORDER: Layer[] = ['DEFAULT', 'SYSTEM', 'DATABASE', 'HOST'];

export interface LayerInfo {
  layer: Layer;
  /** Groups the files of one system: the SID, or the folder when no SID is known. */
  system: string;
  sid?: string;
  database?: string;
  host?: string;
  /** Instance folder (`HDB10`) when the path shows it: needed to place a new file in HANA's layout. */
  instance?: string;
  /** Root of the HANA layout in the workspace (the folder holding `usr/sap/<SID>`), when known. */
  sapRoot?: string;
  from: 'path' | 'directive';
}

const PATTERNS: { regex: RegExp; layer: Layer }[] = [
  { regex: /^(.*?)\/usr\/sap\/([A-Z][A-Z0-9]{2})\/(HDB\d{2})\/exe\/config\/global\.ini$/, layer: 'DEFAULT' },
  {
    regex: /^(.*?)\/usr\/sap\/([A-Z][A-Z0-9]{2})\/SYS\/global\/hdb\/custom\/config\/DB_([^/]+)\/global\.ini$/,
    layer: 'DATABASE',
  },
  {
    regex: /^(.*?)\/usr\/sap\/([A-Z][A-Z0-9]{2})\/SYS\/global\/hdb\/custom\/config\/global\.ini$/,
    layer: 'SYSTEM',
  },
  { regex: /^(.*?)\/usr\/sap\/([A-Z][A-Z0-9]{2})\/(HDB\d{2})\/([^/]+)\/global\.ini$/, layer: 'HOST' },
];

const LOOSE_PATTERNS: { regex: RegExp; layer: Layer }[] = [
  { regex: /\/HDB(\d{2})\/exe\/config\/global\.ini$/, layer: 'DEFAULT' },
  { regex: /\/SYS\/global\/hdb\/custom\/config\/DB_([^/]+)\/global\.ini$/, layer: 'DATABASE' },
  { regex: /\/SYS\/global\/hdb\/custom\/config\/global\.ini$/, layer: 'SYSTEM' },
  { regex: /\/HDB\d{2}\/([^/]+)\/global\.ini$/, layer: 'HOST' },
];

function parentFolder(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

/**
 * The layer of a global.ini: from the `# hana-backup:` directive when there is one (it is the
 * author's explicit word), else from HANA's directory layout. Undefined for an ini file that is
 * neither (it is then checked on its own, without layer rules).
 */
export function layerOf(filePath: string, directive?: IniDirective): LayerInfo | undefined {
  const path = filePath.replace(/\\/g, '/');
  const sidInPath = /\/usr\/sap\/([A-Z][A-Z0-9]{2})\//.exec(path)?.[1];
  if (directive?.layer) {
    const layer = directive.layer.toUpperCase() as Layer;
    if (!LAYER_ORDER.includes(layer)) return undefined;
    const sid = directive.sid?.toUpperCase() ?? sidInPath;
    return {
      layer,
      system: sid ?? `folder:${parentFolder(path)}`,
      sid,
      database: directive.database?.toUpperCase(),
      host: directive.host?.toLowerCase(),
      from: 'directive',
    };
  }
  for (const { regex, layer } of PATTERNS) {
    const match = regex.exec(path);
    if (!match) continue;
    const [, sapRoot, sid] = match;
    const info: LayerInfo = { layer, system: sid, sid, sapRoot, from: 'path' };
    if (layer === 'DATABASE') info.database = match[3].toUpperCase();
    if (layer === 'HOST') {
      info.instance = match[3];
      info.host = match[4].toLowerCase();
    }
    if (layer === 'DEFAULT') info.instance = match[3];
    return info;
  }
  for (const { regex, layer } of LOOSE_PATTERNS) {
    const match = regex.exec(path);
    if (!match) continue;
    const info: LayerInfo = {
      layer,
      system: `folder:${parentFolder(path.replace(regex, ''))}`,
      from: 'path',
    };
    if (layer === 'DATABASE') info.database = match[1].toUpperCase();
    if (layer === 'HOST') info.host = match[1].toLowerCase();
    return info;
  }
  return undefined;
}
