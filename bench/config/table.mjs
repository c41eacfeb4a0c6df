// The Markdown table of the config benchmark's figures (printed, and kept in the results file).
import { tableRow as row } from '../support/report.mjs';
import { SYSTEM_COUNT } from './constants.mjs';
import { fmtMs, samplesText } from './format.mjs';

export function markdownTable(results, workspace, targets) {
  const { validateWorkspace: vw, editor, disk, cli, session, memory } = results;
  const last = vw.lastStart;
  const scope = (r) =>
    `${r.publishesPerRound.total} (${r.publishesPerRound.dependents} dependents + ${r.publishesPerRound.own} edited file); other systems: ${r.publishesPerRound.otherSystems} in ${r.n} rounds`;
  const rows = [
    row([
      `${workspace.iniCount.toLocaleString('en')} global.ini + ${workspace.policyCount} policies (${SYSTEM_COUNT} systems)`,
      'value',
      'target',
      '',
    ]),
    row(['---', '---:', '---', '---']),
    row([
      'server start: initialized → all files indexed (median)',
      fmtMs(session.startupIndexMs.median),
      '',
      '',
    ]),
    row([
      `Validate Workspace, request → response (median of ${vw.n} fresh servers)`,
      fmtMs(vw.median),
      targets[0].target,
      targets[0].status,
    ]),
    row(['… each start', `${samplesText(vw.samples)} ms`, '', '']),
    row(["… the server's own `milliseconds` (median)", fmtMs(vw.serverMs.median), '', '']),
    row(['… again on a warm server', fmtMs(results.validateWorkspaceWarm.ms), '', '']),
    row([
      '… publishDiagnostics / diagnostics',
      `${last.publishes.toLocaleString('en')} / ${last.diagnostics.toLocaleString('en')}`,
      '',
      '',
    ]),
    row(['HOST edit + save in the editor → 9 dependents, median', fmtMs(editor.median), '', '']),
    row([
      'HOST edit + save in the editor → 9 dependents, p95',
      fmtMs(editor.p95),
      targets[1].target,
      targets[1].status,
    ]),
    row(['… publishes per round', scope(editor), '', '']),
    row(['HOST changed on disk → 9 dependents, median', fmtMs(disk.median), '', '']),
    row(['HOST changed on disk → 9 dependents, p95', fmtMs(disk.p95), targets[2].target, targets[2].status]),
    row(['… publishes per round', scope(disk), '', '']),
    row([
      'server RSS after the runs (peak)',
      memory ? `${Math.round(memory.rssMB)} MB (${Math.round(memory.peakMB)} MB)` : 'n/a',
      targets[3].target,
      targets[3].status,
    ]),
    row([
      'CLI `lint <folder> --format json`, one run',
      `${fmtMs(cli.ms)} (${cli.problems.toLocaleString('en')} problems)`,
      '',
      '',
    ]),
  ];
  return rows.join('\n');
}
