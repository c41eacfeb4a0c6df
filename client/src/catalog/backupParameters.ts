/**
 * The global.ini parameters that decide how a database is backed up (reference facts §1.2–1.3):
 * every key of [backup] and these of [persistence]. The tree flags HOST-layer values of these.
 */
const PERSISTENCE_KEYS = new Set([
  'basepath_databackup',
  'basepath_logbackup',
  'basepath_catalogbackup',
  'enable_auto_log_backup',
  'log_backup_timeout_s',
  'log_mode',
  'log_backup_history_broken_emergency_shutdown',
]);

export function isBackupParameter(section: string, key: string): boolean {
  const s = section.toLowerCase();
  return s === 'backup' || (s === 'persistence' && PERSISTENCE_KEYS.has(key.toLowerCase()));
}

/** Layer precedence, lowest first (reference facts §2.2). */
export const LAYER_ORDER = ['DEFAULT', 'SYSTEM', 'DATABASE', 'HOST'];
