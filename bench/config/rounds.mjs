// One round of a re-validation measurement: the HOST override changed, timed until its dependents
// have been published, with checks that the server saw the change.
import { performance } from 'node:perf_hooks';
import { DEADLINE } from './constants.mjs';
import { publishedAll, roundTrip } from './session.mjs';
import { shortName } from './workspace.mjs';

/** Whether a policy's HBP140 names the host override with `value`: proof the re-check saw the change. */
function policyReports(entry, host, value) {
  return entry.diagnostics.some(
    (d) => d.code === 'HBP140' && d.message.includes(`host ${host} overrides it to ${value} (HOST layer)`),
  );
}

export function hostFileReports(entry, value) {
  return entry.diagnostics.some(
    (d) =>
      (d.code === 'HBI010' || d.code === 'HBI011') && d.message.includes(`log_backup_timeout_s = ${value}`),
  );
}

/**
 * One change of the override and the re-validation it causes. `trigger` sends the notifications
 * (editor or disk path); `ownAccepts` says which publish of the edited file is the one for this change.
 */
export async function timedRound(session, target, value, trigger, ownAccepts) {
  const firstSeq = session.log.length;
  const dependents = publishedAll(
    session,
    new Map(target.dependents.map((uri) => [uri, () => true])),
    `dependents of ${shortName(session.workspace, target.uri)} = ${value}`,
    DEADLINE.revalidation,
  );
  const own = publishedAll(
    session,
    new Map([[target.uri, ownAccepts]]),
    `${shortName(session.workspace, target.uri)} = ${value}`,
    DEADLINE.revalidation,
  );
  const started = performance.now();
  await trigger();
  const [deps, ownSeen] = await Promise.all([dependents, own]);
  const entries = [...deps.values()];
  const lastAt = Math.max(...entries.map((e) => e.at));
  const ownEntry = ownSeen.get(target.uri);
  const policiesChanged = target.policies.filter((uri) =>
    policyReports(deps.get(uri), target.host, value),
  ).length;
  // A round trip before the next round: what the server still sends for this one lands in the log.
  await roundTrip(session);
  return {
    value,
    ms: lastAt - started,
    ownMs: ownEntry.at - started,
    firstSeq,
    policiesChanged,
    ownReports: hostFileReports(ownEntry, value),
    iniDependentsChanged: target.dependents
      .filter((uri) => !target.policies.includes(uri))
      .filter((uri) => changedSincePrevious(session, deps.get(uri))).length,
  };
}

/** Whether a publish differs from the one before it for the same file. */
function changedSincePrevious(session, entry) {
  for (let seq = entry.seq - 1; seq >= 0; seq--) {
    const before = session.log[seq];
    if (before.uri === entry.uri)
      return JSON.stringify(before.diagnostics) !== JSON.stringify(entry.diagnostics);
  }
  return true;
}
