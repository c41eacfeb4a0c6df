// Our server's figures against the targets, and against yaml-language-server's.
import { round } from '../support/stats.mjs';
import { verdict } from '../support/report.mjs';
import { TARGETS } from './constants.mjs';

export function ratio(ours, theirs) {
  if (ours === undefined || theirs === undefined) return undefined;
  return round(ours / theirs);
}

export function evaluateTargets(results) {
  const { ours, yamlLs, yamlLsNoDebounce } = results;
  const comparable = yamlLs.validatesBadKey && yamlLsNoDebounce.validatesBadKey;
  const ratioVerdict = (value) => (comparable ? verdict(value, TARGETS.ratio, { atMost: true }) : 'invalid');
  return [
    {
      target: `edit → full diagnostics p95 < ${TARGETS.editP95Ms} ms`,
      value: `${ours.edit.p95} ms (median ${ours.edit.median} ms)`,
      status: verdict(ours.edit.p95, TARGETS.editP95Ms),
    },
    {
      target: `completion p95 < ${TARGETS.completionP95Ms} ms`,
      value: `${ours.completion.p95} ms (median ${ours.completion.median} ms)`,
      status: verdict(ours.completion.p95, TARGETS.completionP95Ms),
    },
    {
      target: `server RSS with the file open < ${TARGETS.rssMB} MB`,
      value: ours.memory ? `${ours.memory.rssMB} MB (peak ${ours.memory.peakMB} MB)` : 'n/a',
      status: ours.memory ? verdict(ours.memory.rssMB, TARGETS.rssMB) : 'n/a',
    },
    {
      target: `edit → diagnostics median, ours / yaml-ls without its debounce ≤ ${TARGETS.ratio} (like for like)`,
      value: `${ratio(ours.edit.median, yamlLsNoDebounce.edit.median)} (${ours.edit.median} / ${yamlLsNoDebounce.edit.median} ms)`,
      status: ratioVerdict(ratio(ours.edit.median, yamlLsNoDebounce.edit.median)),
    },
    {
      target: `edit → diagnostics median, ours / yaml-ls as shipped ≤ ${TARGETS.ratio} (its 200 ms debounce included)`,
      value: `${ratio(ours.edit.median, yamlLs.edit.median)} (${ours.edit.median} / ${yamlLs.edit.median} ms)`,
      status: ratioVerdict(ratio(ours.edit.median, yamlLs.edit.median)),
    },
  ];
}
