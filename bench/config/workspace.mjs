// The generated workspace: 200 systems in HANA's layout under config/, two policies each under
// policies/, deterministic for a given seed.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { seededRandom } from '../support/random.mjs';
import { SEED } from './constants.mjs';
import { databaseIni, hostIni, systemIni } from './generate/ini.mjs';
import { policyLines } from './generate/policies.mjs';
import { describeSystem, systemIds } from './generate/systems.mjs';

function write(folder, relative, lines) {
  const file = path.join(folder, ...relative.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  const text = lines.join('\n') + '\n';
  writeFileSync(file, text);
  return { file, uri: pathToFileURL(file).href, text };
}

export function createWorkspace() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'hana-backup-config-bench-'));
  const random = seededRandom(SEED);
  const systems = systemIds(random).map((sid, i) => describeSystem(i, sid, random));
  /** Every generated file: uri → { sid, kind, role }. */
  const files = new Map();
  let bytes = 0;
  const add = (system, role, relative, lines) => {
    const written = write(folder, relative, lines);
    bytes += Buffer.byteLength(written.text);
    files.set(written.uri, { sid: system.sid, role });
    return written;
  };
  for (const system of systems) {
    const sap = `config/usr/sap/${system.sid}`;
    const custom = `${sap}/SYS/global/hdb/custom/config`;
    system.files = { ini: [], policies: [], hosts: [] };
    system.files.ini.push(add(system, 'SYSTEM', `${custom}/global.ini`, systemIni(system, random)).uri);
    system.tenants.forEach((tenant, t) => {
      system.files.ini.push(
        add(system, 'DATABASE', `${custom}/DB_${tenant}/global.ini`, databaseIni(system, t, random)).uri,
      );
    });
    system.hosts.forEach((host, h) => {
      const written = add(
        system,
        'HOST',
        `${sap}/HDB${system.nr}/${host}/global.ini`,
        hostIni(system, h, random),
      );
      system.files.ini.push(written.uri);
      system.files.hosts.push(written);
    });
    for (const which of ['a', 'b']) {
      const relative = `policies/${system.sid.toLowerCase()}-${which}.backup-policy.yaml`;
      system.files.policies.push(add(system, 'policy', relative, policyLines(system, which, random)).uri);
    }
  }
  const count = (predicate) => [...files.values()].filter(predicate).length;
  return {
    folder,
    folderUri: pathToFileURL(folder).href,
    systems,
    files,
    bytes,
    iniCount: count((f) => f.role !== 'policy'),
    policyCount: count((f) => f.role === 'policy'),
    hostOverrides: systems.reduce((n, s) => n + s.overrides.length, 0),
  };
}

/** A file's name for messages: its path below the workspace folder. */
export function shortName(workspace, uri) {
  const file = fileURLToPath(uri);
  return path.relative(workspace.folder, file).split(path.sep).join('/');
}
