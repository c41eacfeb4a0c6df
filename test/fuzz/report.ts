// The summary a run ends with; its last line, `FUZZ: N passed, N failed`, is what `npm test` reads.
import * as os from 'node:os';
import { CONFIG_RULES, POLICY_RULES } from '../../server/src/languageService';
import { BACKINT_RULES } from '../../server/src/languageService/backint';
import type { FuzzOptions } from './options';
import { summarise, type Summary, type Timings } from './stats';
import type { Tally } from './tally';

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const counts = (map: Map<string, number>) => [...map].map(([name, n]) => `${name} ${n}`).join(' · ');
const times = (s: Summary) => `median ${ms(s.median)} · p99 ${ms(s.p99)} · max ${ms(s.max)} ms`;

function table(title: string, timings: Timings): string[] {
  const rows = timings
    .rows()
    .map(([name, s]) =>
      [
        name.padEnd(12),
        String(s.count).padStart(8),
        ms(s.median).padStart(8),
        ms(s.p99).padStart(8),
        ms(s.max).padStart(8),
      ].join(' '),
    );
  return [
    `${title.padEnd(12)} ${'calls'.padStart(8)} ${'median'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}  (ms)`,
    ...rows,
  ];
}

export interface RunFacts {
  options: FuzzOptions;
  seconds: number;
  loadBefore: number[];
  workerRestarts: number;
  serverExits: number;
  serverPid: number | undefined;
}

export function summaryLines(tally: Tally, facts: RunFacts): string[] {
  const { options } = facts;
  const known = Object.keys({ ...POLICY_RULES, ...CONFIG_RULES, ...BACKINT_RULES });
  const missed = known.filter((code) => !tally.codes.has(code));
  const inputs = tally.perInput.length;
  const failed = tally.failures.size + tally.unhandled.length;
  const sizes = summarise(tally.sizes);
  const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' ');
  return [
    '',
    `seed ${options.seed} · inputs ${options.start}..${options.start + options.count - 1}`,
    `inputs       ${counts(tally.kinds)}`,
    `             ${counts(tally.modes)} · through the LSP server ${tally.lspInputs}${facts.serverPid ? ` (pid ${facts.serverPid})` : ''}`,
    `             size median ${sizes.median} · p99 ${sizes.p99} · max ${sizes.max} characters`,
    `rule codes   ${known.length - missed.length} of ${known.length} reached${missed.length ? `; never: ${missed.join(', ')}` : ''}`,
    '',
    ...table('service', tally.service),
    '',
    ...table('LSP', tally.lsp),
    '',
    `per input    language service ${times(summarise(tally.perInput))}`,
    `             through the LSP server ${times(summarise(tally.perLspInput))}`,
    `over 1 s once, within it when run again: ${tally.slowOnce}`,
    `crashes ${tally.problemsOfKind('crash')} · hangs (>1 s) ${tally.problemsOfKind('hang')} · unhandled rejections or exceptions ${tally.unhandled.length} · worker restarts ${facts.workerRestarts} · server exits ${facts.serverExits}`,
    `total ${facts.seconds.toFixed(1)} s · ${os.cpus().length} cores · load average ${load(facts.loadBefore)} before, ${load(os.loadavg())} after`,
    `FUZZ: ${inputs - tally.failures.size} passed, ${failed} failed`,
  ];
}
