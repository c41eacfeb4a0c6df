// What the policy benchmark generates, how much it measures, how long it waits, and its targets.

export const SEED = 20240601;
export const POLICY_COUNT = 200;
export const TARGET_LINES = 5000;
/** The policy whose log interval the edits toggle: one in the middle of the file. */
export const EDITED_POLICY = 100;
export const EDIT_VARIANTS = ['15m', '20m']; // same length, so the edit range never moves
/** Our server validates on every change, without waiting for typing to pause. */
export const OUR_SETTINGS = { validate: { delay: 0 } };
export const WARMUP_EDITS = 5;
export const SAMPLE_EDITS = 30;
export const WARMUP_COMPLETIONS = 10;
export const SAMPLE_COMPLETIONS = 200;

export const DEADLINE = {
  initialize: 20_000,
  ready: 20_000,
  coldDiagnostics: 60_000,
  editDiagnostics: 15_000,
  completion: 15_000,
  shutdown: 3_000,
};

export const TARGETS = {
  editP95Ms: 100,
  completionP95Ms: 20,
  rssMB: 150,
  ratio: 0.5,
};
