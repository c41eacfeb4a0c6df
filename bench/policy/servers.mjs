// The servers the policy benchmark drives: ours, yaml-language-server as shipped, and
// yaml-language-server with its 200 ms debounce removed.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CPU_PROF_DIR, ROOT } from '../support/paths.mjs';
import { OUR_SETTINGS } from './constants.mjs';

const YAML_LS_BIN = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const NO_DEBOUNCE_PRELOAD = path.join(ROOT, 'bench', 'support', 'yaml-ls-no-debounce.cjs');
const SCHEMA_URL = pathToFileURL(path.join(ROOT, 'schemas', 'backup-policy.schema.json')).href;

/** The client settings yaml-language-server pulls (sections `yaml`, `http`, `[yaml]`, `editor`). */
function yamlLsConfiguration(section) {
  switch (section) {
    case 'yaml':
      return {
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        // Offline and deterministic: no schema store catalogue or Kubernetes CRD downloads.
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
        schemas: { [SCHEMA_URL]: ['*.backup-policy.yaml'] },
      };
    case 'http':
      return { proxy: '', proxyStrictSSL: false };
    case '[yaml]': // also asked before every validation, for a per-language `yaml.validate` override
    case 'editor':
      return {};
    default:
      return null;
  }
}

/** `server`: our server's script; with `cpuProf` it runs under `node --cpu-prof`. */
export function serverSpecs({ server, cpuProf }) {
  return [
    {
      id: 'ours',
      label: 'hana-backup',
      script: server,
      nodeArgs: cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [],
      languageId: 'hana-backup-policy',
      configuration: (section) => (section === 'hanaBackup' ? OUR_SETTINGS : null),
      pullsConfigurationAtStart: false,
      // Our server versions its diagnostics; yaml-language-server does not, so for it "the
      // diagnostics for an edit" are simply the next ones it publishes after the didChange.
      versionedDiagnostics: true,
    },
    {
      id: 'yamlLs',
      label: 'yaml-language-server (as shipped)',
      script: YAML_LS_BIN,
      nodeArgs: [],
      languageId: 'yaml',
      configuration: yamlLsConfiguration,
      pullsConfigurationAtStart: true,
      versionedDiagnostics: false,
    },
    {
      id: 'yamlLsNoDebounce',
      label: 'yaml-language-server (200 ms debounce removed)',
      script: YAML_LS_BIN,
      nodeArgs: ['--require', NO_DEBOUNCE_PRELOAD],
      languageId: 'yaml',
      configuration: yamlLsConfiguration,
      pullsConfigurationAtStart: true,
      versionedDiagnostics: false,
    },
  ];
}
