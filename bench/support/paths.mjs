// Where the benchmarks find what they run and put what they write.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
export const CPU_PROF_DIR = path.join(RESULTS_DIR, 'cpu-prof');
