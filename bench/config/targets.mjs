// The config benchmark's figures against its targets.
import { verdict } from '../support/report.mjs';
import { TARGETS } from './constants.mjs';
import { fmtMs, samplesText } from './format.mjs';

export function evaluateTargets(results) {
  const { validateWorkspace: vw, editor, disk, memory } = results;
  return [
    {
      figure: `Validate Workspace, request → response (all files published), median of ${vw.n} fresh servers`,
      value: `${fmtMs(vw.median)} (${samplesText(vw.samples)} ms; server's own ${fmtMs(vw.serverMs.median)})`,
      target: `< ${TARGETS.validateWorkspaceMs.toLocaleString('en')} ms`,
      status: verdict(vw.median, TARGETS.validateWorkspaceMs),
    },
    {
      figure: 'HOST file edited + saved in the editor → its 9 dependents published, p95',
      value: `${fmtMs(editor.p95)} (median ${fmtMs(editor.median)})`,
      target: `< ${TARGETS.revalidationP95Ms} ms`,
      status: verdict(editor.p95, TARGETS.revalidationP95Ms),
    },
    {
      figure: 'HOST file changed on disk (didChangeWatchedFiles) → its 9 dependents published, p95',
      value: `${fmtMs(disk.p95)} (median ${fmtMs(disk.median)})`,
      target: `< ${TARGETS.revalidationP95Ms} ms`,
      status: verdict(disk.p95, TARGETS.revalidationP95Ms),
    },
    {
      figure: 'server RSS after the runs (VmRSS)',
      value: memory ? `${Math.round(memory.rssMB)} MB (peak VmHWM ${Math.round(memory.peakMB)} MB)` : 'n/a',
      target: `< ${TARGETS.rssMB} MB`,
      status: memory ? verdict(memory.rssMB, TARGETS.rssMB) : 'n/a',
    },
  ];
}
