import type { BackintCatalog } from './types';

// Keys other agents document for their `KEY value` files. Generic files are never validated (the spec
// says so): these only feed hover, and completion once a file already uses a key of that agent.

export const COMMVAULT_CATALOG: BackintCatalog = {
  agent: 'Commvault (BACKINT configuration file)',
  validatesKeys: false,
  keys: [
    {
      name: 'CvInstanceName',
      type: 'string',
      doc: 'Commvault instance, e.g. `Instance001` (optional).',
      source: 'CV',
    },
    { name: 'CV_restCopyPrec', type: 'string', doc: 'Copy precedence to restore from.', source: 'CV' },
    { name: 'CvSrcClientName', type: 'string', doc: 'Source pseudo-client of a restore.', source: 'CV' },
    {
      name: 'srcCrossClient',
      type: 'string',
      doc: 'Source physical client of a cross-machine restore.',
      source: 'CV',
    },
    { name: 'srcCrossSIDName', type: 'string', doc: 'Source SID of a cross-system restore.', source: 'CV' },
    {
      name: 'srcCrossDbName',
      type: 'string',
      doc: 'Source database (SID) of a cross-system restore.',
      source: 'CV',
    },
  ],
};

export const ALIBABA_CATALOG: BackintCatalog = {
  agent: 'Alibaba Cloud Backup (`param`)',
  validatesKeys: false,
  keys: [
    { name: 'srcClusterId', type: 'string', doc: 'Source cluster of a restore.', source: 'ALI' },
    { name: 'srcSID', type: 'string', doc: 'Source SID of a restore.', source: 'ALI' },
  ],
};

export const HUAWEI_CATALOG: BackintCatalog = {
  agent: 'Huawei HW Backint (`hw-backint-agent.conf`)',
  validatesKeys: false,
  keys: [
    { name: 'BUCKET', type: 'string', doc: 'Bucket for the backups.', source: 'HW' },
    { name: 'LOGLEVEL', type: 'string', doc: "The agent's log level.", source: 'HW' },
    { name: 'SID', type: 'string', required: true, doc: 'SID of the HANA system.', source: 'HW' },
    {
      name: 'THREADNUM',
      type: 'int',
      min: 1,
      max: 20,
      default: '8',
      doc: 'Number of threads (1–20).',
      source: 'HW',
    },
    {
      name: 'BACKUPSIZE',
      type: 'int',
      min: 1,
      max: 2047,
      default: '200',
      doc: 'Backup size setting, in MB (1–2047).',
      source: 'HW',
    },
  ],
};

export const VENDOR_CATALOGS: readonly BackintCatalog[] = [
  COMMVAULT_CATALOG,
  ALIBABA_CATALOG,
  HUAWEI_CATALOG,
];
