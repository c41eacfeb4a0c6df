import type { BackintCatalog, BackintKeyInfo } from './types';

const text = (name: string, doc: string, extra: Partial<BackintKeyInfo> = {}): BackintKeyInfo => ({
  name,
  type: 'string',
  doc,
  source: 'GSA',
  ...extra,
});
const int = (name: string, doc: string, extra: Partial<BackintKeyInfo> = {}): BackintKeyInfo =>
  text(name, doc, { type: 'int', ...extra });
const bool = (name: string, doc: string, extra: Partial<BackintKeyInfo> = {}): BackintKeyInfo =>
  text(name, doc, { type: 'bool', ...extra });

const KEYS: readonly BackintKeyInfo[] = [
  text(
    'bucket',
    'Cloud Storage bucket for the backups: the bare bucket name, without `gs://` and without `/` (a folder goes in `folder_prefix`).',
    { required: true },
  ),
  text('folder_prefix', 'Folder inside the bucket the backups go to.'),
  text('recovery_bucket', 'Bucket to restore from; overrides `bucket` for RESTORE.'),
  text('recovery_folder_prefix', 'Folder to restore from; overrides `folder_prefix` for RESTORE.'),
  int(
    'parallel_streams',
    'Parallel upload streams per backup. Above 1, backups can be neither compressed nor encrypted.',
    { default: '1 (16 with `xml_multipart_upload`)', cap: 32 },
  ),
  int(
    'parallel_recovery_streams',
    'Parallel download streams per restore. Above 1, compression is not possible.',
    {
      cap: 32,
    },
  ),
  int('threads', 'Threads of the agent.', { default: 'number of CPUs', cap: 64 }),
  int('buffer_size_mb', 'Buffer size in MB (legacy `#CHUNK_SIZE_MB`).', { default: '100', cap: 250 }),
  int('retries', 'Retries of a failed Cloud Storage request.', { default: '5' }),
  int('rate_limit_mb', 'Rate limit in MB; 0 means no limit.', { default: '0 (no limit)' }),
  int('file_read_timeout_ms', 'Read timeout, in milliseconds (legacy `#READ_IDLE_TIMEOUT`).', {
    default: '60000',
  }),
  bool('compress', 'Compresses the backups. Possible only with `parallel_streams` 1.', {
    default: 'false (legacy `parameters.txt`: true unless `#DISABLE_COMPRESSION`)',
  }),
  text(
    'encryption_key',
    'Path of a key file for customer-supplied encryption. Mutually exclusive with `kms_key`.',
    {
      type: 'path',
    },
  ),
  text('kms_key', 'Cloud KMS key used for encryption. Mutually exclusive with `encryption_key`.'),
  text(
    'service_account_key',
    "Path of a service account's key file, to use instead of the VM's service account.",
    {
      type: 'path',
    },
  ),
  text('storage_class', 'Storage class of the backup objects.', {
    type: 'enum',
    values: ['STANDARD', 'NEARLINE', 'COLDLINE', 'ARCHIVE'],
  }),
  text('log_level', "Detail of the agent's log.", {
    type: 'enum',
    values: ['DEBUG', 'INFO', 'WARNING', 'ERROR'],
    default: 'INFO',
  }),
  bool('log_to_cloud', "Sends the agent's log to Cloud Logging.", { default: 'true' }),
  bool('send_metrics_to_monitoring', 'Sends backup metrics to Cloud Monitoring.', { default: 'true' }),
  bool(
    'xml_multipart_upload',
    'Uploads with the XML multipart API; the default of `parallel_streams` is then 16.',
    { default: 'false' },
  ),
  bool('shorten_folder_path', 'Shortens the folder path of the backup objects.', { default: 'false' }),
  bool('dump_data', 'Agent switch, off by default; the legacy file sets it with `#DUMP_DATA`.', {
    default: 'false',
  }),
  int('retry_backoff_initial', 'Initial wait before a retry.'),
  int('retry_backoff_max', 'Longest wait between retries.'),
  text('retry_backoff_multiplier', 'Factor the wait grows by after each retry.', { type: 'float' }),
  text('client_endpoint', 'Cloud Storage endpoint to use.'),
  text('metadata', 'Metadata set on each backup object, as a JSON object of strings.', { type: 'map' }),
  text('custom_time', 'Custom time set on each backup object.'),
  text('object_retention_mode', 'Object retention mode; set together with `object_retention_time`.', {
    type: 'enum',
    values: ['Unlocked', 'Locked'],
  }),
  text('object_retention_time', 'Object retention time; set together with `object_retention_mode`.'),
  int('diagnose_file_max_size_gb', 'Largest file the `diagnose` function writes, in GB.'),
  text('diagnose_tmp_directory', 'Directory for the files of the `diagnose` function.', { type: 'path' }),
];

export const GCP_CATALOG: BackintCatalog = {
  agent: 'Google Cloud Agent for SAP (Backint)',
  keys: KEYS,
  validatesKeys: true,
  acceptsCamelCase: true,
};
