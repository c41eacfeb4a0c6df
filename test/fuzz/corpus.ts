// The example workspace the fuzzer starts from: its files are seeds for mutation and the neighbours
// every fuzzed file is checked against (layers of one system, policies targeting it, linked Backint
// files), and the places a fuzzed file of each kind is put in it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileKindOf, type FileKind } from '../../server/src/languageService';
import { backintKindOf } from '../../server/src/languageService/backint';

export const EXAMPLE_WORKSPACE = path.resolve(__dirname, '..', 'fixtures', 'shared-examples', 'workspace');

export interface WorkspaceFile {
  /** Relative to the workspace folder, with `/`. */
  path: string;
  kind: FileKind;
  text: string;
}

function filesBelow(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesBelow(path.join(folder, entry.name)) : [path.join(folder, entry.name)],
    );
}

export const EXAMPLES: readonly WorkspaceFile[] = filesBelow(EXAMPLE_WORKSPACE).flatMap((file) => {
  const relative = path.relative(EXAMPLE_WORKSPACE, file).split(path.sep).join('/');
  const text = fs.readFileSync(file, 'utf8');
  const kind = fileKindOf(relative, undefined, backintKindOf, text);
  return kind ? [{ path: relative, kind, text }] : [];
});

const ERP = 'config/usr/sap/ERP';
const HDBCONFIG = `${ERP}/SYS/global/hdb/opt/hdbconfig`;

/**
 * Where a fuzzed file goes: the examples' own places (it then replaces the example, so the other
 * files see it) and new places, each of which the service reads as this kind.
 */
export const PLACES: Record<FileKind, readonly string[]> = {
  policy: [
    'policies/erp.backup-policy.yaml',
    'policies/azure-crm.backup-policy.yaml',
    'policies/fuzz.backup-policy.yaml',
    'backup-policies/team/fuzz.yml',
  ],
  ini: [
    `${ERP}/SYS/global/hdb/custom/config/global.ini`,
    `${ERP}/SYS/global/hdb/custom/config/DB_ERP/global.ini`,
    `${ERP}/HDB10/erphana2/global.ini`,
    `${ERP}/HDB10/exe/config/global.ini`,
    `${ERP}/SYS/global/hdb/custom/config/DB_QAS/global.ini`,
    // The HOST layer of the system the Azure example policy governs (HBI011).
    'config/usr/sap/CRM/HDB00/crmhana1/global.ini',
    'exports/hana03.global.ini',
    'exports/layer.ini',
  ],
  'backint-aws': [`${HDBCONFIG}/aws-backint-agent-config.yaml`],
  'backint-gcp': [`${HDBCONFIG}/parameters.json`, 'backint-gcs/parameters.json'],
  'backint-utl': [`${HDBCONFIG}/initERP.utl`, `${HDBCONFIG}/commvault.par`],
};

/** The Backint files above as a global.ini or a policy names them (HANA's absolute paths). */
export const BACKINT_FILE_PATHS: readonly string[] = [
  ...PLACES['backint-aws'],
  ...PLACES['backint-gcp'],
  ...PLACES['backint-utl'],
]
  .filter((place) => place.startsWith('config/'))
  .map((place) => place.slice('config'.length));
