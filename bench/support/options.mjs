// The command-line options both benchmarks take (each script's header says what they do there).
import path from 'node:path';
import { ROOT } from './paths.mjs';

export function readOptions(argv = process.argv) {
  /** `--name=value` from the command line. */
  const optionValue = (name) => {
    const prefix = `--${name}=`;
    return argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
  };
  const server = optionValue('server');
  return {
    cpuProf: argv.includes('--cpu-prof'),
    keepTemp: argv.includes('--keep-temp'),
    generateOnly: argv.includes('--generate-only'),
    /** The server to benchmark: another build with --server=<path>, else dist/server.js. */
    server: path.resolve(server ?? path.join(ROOT, 'dist', 'server.js')),
    serverGiven: Boolean(server),
  };
}
