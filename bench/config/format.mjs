// How the config benchmark's report writes durations.
import { fmtMs as formatMs } from '../support/report.mjs';

/** Milliseconds, thousands grouped (`1,234 ms`). */
export const fmtMs = (value) => formatMs(value, { grouped: true });

export const samplesText = (list) => list.map((ms) => fmtMs(ms).replace(' ms', '')).join(', ');
