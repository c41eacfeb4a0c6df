// The Markdown table of the three servers side by side (printed, and kept in the results file).
import { fmtMs, tableRow as row, verdict } from '../support/report.mjs';
import { POLICY_COUNT, TARGETS } from './constants.mjs';
import { ratio } from './targets.mjs';

function fmtMemory(memory, withPeak = true) {
  if (!memory) return 'n/a';
  return withPeak
    ? `${Math.round(memory.rssMB)} MB (peak ${Math.round(memory.peakMB)})`
    : `${Math.round(memory.rssMB)} MB`;
}

export function markdownTable(results, workspace) {
  const { ours, yamlLs, yamlLsNoDebounce } = results;
  const servers = [ours, yamlLs, yamlLsNoDebounce];
  const ratioLikeForLike = ratio(ours.edit.median, yamlLsNoDebounce.edit.median);
  const rows = [
    row([
      `${workspace.lineCount.toLocaleString('en')} lines, ${POLICY_COUNT} policies`,
      'hana-backup',
      'yaml-ls 1.25',
      'yaml-ls 1.25, no debounce',
      'target',
    ]),
    row(['---', '---:', '---:', '---:', '---']),
    row(['cold: didOpen → first diagnostics', ...servers.map((s) => fmtMs(s.cold.ms)), '']),
    row(['cold: server CPU', ...servers.map((s) => fmtMs(s.cold.cpuMs)), '']),
    row(['edit → diagnostics, median', ...servers.map((s) => fmtMs(s.edit.median)), '']),
    row([
      'edit → diagnostics, p95',
      ...servers.map((s) => fmtMs(s.edit.p95)),
      `< ${TARGETS.editP95Ms} ms: ${verdict(ours.edit.p95, TARGETS.editP95Ms)}`,
    ]),
    row([
      'edit median, ours / theirs',
      '',
      String(ratio(ours.edit.median, yamlLs.edit.median)),
      String(ratioLikeForLike),
      `≤ ${TARGETS.ratio} (vs no debounce): ${verdict(ratioLikeForLike, TARGETS.ratio, { atMost: true })}`,
    ]),
    row(['server CPU per edit (mean)', ...servers.map((s) => fmtMs(s.edit.cpuMsPerEdit)), '']),
    row([
      'CPU per edit, ours / theirs',
      '',
      String(ratio(ours.edit.cpuMsPerEdit, yamlLs.edit.cpuMsPerEdit) ?? 'n/a'),
      String(ratio(ours.edit.cpuMsPerEdit, yamlLsNoDebounce.edit.cpuMsPerEdit) ?? 'n/a'),
      '',
    ]),
    row(['completion, median', ...servers.map((s) => fmtMs(s.completion.median)), '']),
    row([
      'completion, p95',
      ...servers.map((s) => fmtMs(s.completion.p95)),
      `< ${TARGETS.completionP95Ms} ms: ${verdict(ours.completion.p95, TARGETS.completionP95Ms)}`,
    ]),
    row(['RSS before didOpen', ...servers.map((s) => fmtMemory(s.memoryBeforeOpen, false)), '']),
    row([
      'RSS after the runs (peak)',
      ...servers.map((s) => fmtMemory(s.memory)),
      `< ${TARGETS.rssMB} MB: ${ours.memory ? verdict(ours.memory.rssMB, TARGETS.rssMB) : 'n/a'}`,
    ]),
    row(['diagnostics on the file', ...servers.map((s) => String(s.cold.diagnostics)), '']),
  ];
  return rows.join('\n');
}
