import type { BackintCatalog, BackintKeyInfo } from './types';

// IBM's parameter page was truncated: these are the keys seen, not all there are (no HBB002 here).
const KEYS: readonly BackintKeyInfo[] = [
  {
    name: 'BACKUPIDPREFIX',
    type: 'string',
    length: 6,
    default: 'the SID',
    doc: 'Prefix of the backup IDs: exactly 6 characters.',
    source: 'IBM-ERP',
  },
  {
    name: 'MAX_SESSIONS',
    type: 'int',
    min: 1,
    doc: 'Number of parallel sessions; no more than there are tape drives.',
    source: 'IBM-ERP',
  },
  {
    name: 'CONFIG_FILE',
    type: 'path',
    doc: 'File for the variable data, passwords among them (kept encrypted). The profile itself stays read-only.',
    source: 'IBM-ERP',
  },
  { name: 'SERVER', type: 'string', doc: 'A Storage Protect server.', source: 'IBM-ERP' },
  { name: 'ADSMNODE', type: 'string', doc: 'Storage Protect node name.', source: 'IBM-ERP' },
  {
    name: 'ASNODE',
    type: 'string',
    doc: 'Node used in scale-out systems (automated password handling).',
    source: 'IBM-ERP',
  },
  { name: 'BACKEND', type: 'string', doc: 'Listed among the profile parameters.', source: 'IBM-ERP' },
];

export const IBM_CATALOG: BackintCatalog = {
  agent: 'IBM Storage Protect for ERP (Data Protection for SAP HANA)',
  keys: KEYS,
  validatesKeys: false,
};
