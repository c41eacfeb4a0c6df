// What the config benchmark generates, which files it edits, how much it measures, how long it waits,
// and its targets.

export const SEED = 20261122;
export const SYSTEM_COUNT = 200;
export const TENANT_COUNT = 3;
export const HOST_COUNT = 4;
/** The system whose HOST file the editor path edits, and the one whose HOST file changes on disk. */
export const EDITOR_SYSTEM = 57;
export const DISK_SYSTEM = 142;
/** The HOST file (by host index) of those systems that overrides log_backup_timeout_s. */
export const EDITED_HOST = 1;
/** Values the override toggles between: same length (the edit range never moves), no policy's interval. */
export const EDIT_VALUES = ['2400', '3000'];
/** Fresh servers whose first Validate Workspace is timed: a cold figure is one sample per start. */
export const COLD_STARTS = 3;
export const WARMUP_ROUNDS = 3;
export const SAMPLE_ROUNDS = 20;

export const SETTINGS = { validate: { delay: 0 } };

export const DEADLINE = {
  initialize: 30_000,
  ready: 60_000,
  validateWorkspace: 120_000,
  revalidation: 15_000,
  shutdown: 5_000,
  cli: 180_000,
};

export const TARGETS = {
  validateWorkspaceMs: 2000,
  revalidationP95Ms: 200,
  rssMB: 200,
};
