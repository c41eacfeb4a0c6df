// The figures of a re-validation measurement, from its rounds and the publishes they caused.
import { round, summarise } from '../support/stats.mjs';
import { WARMUP_ROUNDS } from './constants.mjs';
import { shortName } from './workspace.mjs';

/**
 * The publishes of each round, from its start to the next round's start (the last round up to a
 * final round trip): the edited file, its dependents, and anything else (which should be nothing).
 */
function publishesPerRound(session, target, rounds, endSeq) {
  const systemFiles = new Set([target.uri, ...target.dependents]);
  return rounds.map((r, i) => {
    const slice = session.log.slice(r.firstSeq, rounds[i + 1]?.firstSeq ?? endSeq);
    const others = slice.filter((e) => !systemFiles.has(e.uri));
    return {
      total: slice.length,
      own: slice.filter((e) => e.uri === target.uri).length,
      dependents: slice.filter((e) => target.dependents.includes(e.uri)).length,
      otherSystems: others.length,
      otherExamples: [...new Set(others.map((e) => shortName(session.workspace, e.uri)))].slice(0, 5),
    };
  });
}

export function summariseRounds(session, target, rounds, endSeq) {
  const samples = rounds.slice(WARMUP_ROUNDS);
  const perRound = publishesPerRound(session, target, rounds, endSeq).slice(WARMUP_ROUNDS);
  const range = (key) => {
    const values = perRound.map((p) => p[key]);
    const [min, max] = [Math.min(...values), Math.max(...values)];
    return min === max ? String(min) : `${min}–${max}`;
  };
  return {
    system: target.system.sid,
    file: shortName(session.workspace, target.uri),
    dependents: target.dependents.length,
    ...summarise(samples.map((s) => s.ms)),
    own: summarise(samples.map((s) => s.ownMs)),
    samples: samples.map((s) => round(s.ms)),
    verified: {
      policiesReportingNewValue: `${samples.reduce((n, s) => n + s.policiesChanged, 0)} of ${samples.length * target.policies.length}`,
      hostFileReportsNewValue: `${samples.filter((s) => s.ownReports).length} of ${samples.length}`,
      iniDependentsWithChangedDiagnostics: samples.reduce((n, s) => n + s.iniDependentsChanged, 0),
      allPoliciesChanged: samples.every((s) => s.policiesChanged === target.policies.length),
    },
    publishesPerRound: {
      total: range('total'),
      own: range('own'),
      dependents: range('dependents'),
      otherSystems: perRound.reduce((n, p) => n + p.otherSystems, 0),
      otherExamples: [...new Set(perRound.flatMap((p) => p.otherExamples))].slice(0, 5),
    },
  };
}
