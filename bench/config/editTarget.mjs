// The HOST file an edit toggles, and the files that depend on it.
import { EDIT_VALUES, EDITED_HOST } from './constants.mjs';

/**
 * The HOST file an edit toggles and the files that depend on it: the system's other global.ini
 * files and its policies (the scope the server is expected to re-check, no more).
 */
export function editTarget(workspace, systemIndex) {
  const system = workspace.systems[systemIndex];
  const host = system.files.hosts[EDITED_HOST];
  const lines = host.text.split('\n');
  const line = lines.findIndex((text) => text.startsWith('log_backup_timeout_s = '));
  if (line < 0) throw new Error(`${host.file} has no log_backup_timeout_s override`);
  const character = 'log_backup_timeout_s = '.length;
  const value = lines[line].slice(character);
  if (value !== EDIT_VALUES[0]) throw new Error(`${host.file}: override is ${value}, not ${EDIT_VALUES[0]}`);
  return {
    system,
    file: host.file,
    uri: host.uri,
    text: host.text,
    host: system.hosts[EDITED_HOST],
    range: { start: { line, character }, end: { line, character: character + value.length } },
    dependents: [...system.files.ini.filter((uri) => uri !== host.uri), ...system.files.policies],
    policies: system.files.policies,
  };
}

export function withValue(target, value) {
  const lines = target.text.split('\n');
  const { line, character } = target.range.start;
  lines[line] = lines[line].slice(0, character) + value;
  return lines.join('\n');
}
