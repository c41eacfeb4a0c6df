/**
 * Files the language server reads, opened or not (kept in step with package.json and the server's
 * workspace scan): policies, global.ini layers (and `.ini` exports with a layer directive), Backint
 * parameter files.
 */
export const WATCHED_FILE_GLOBS = [
  '**/*.backup-policy.yaml',
  '**/*.backup-policy.yml',
  '**/backup-policies/**/*.yaml',
  '**/backup-policies/**/*.yml',
  '**/*.ini',
  '**/aws-backint-agent-config.yaml',
  '**/parameters.json',
  '**/*.utl',
  '**/*.par',
];

/**
 * Languages sent to the server. VS Code's own `ini` is among them: an exported `hana02.ini` keeps that
 * language (an extension match beats our first-line match), and the server reads its layer directive.
 */
export const LANGUAGE_IDS = [
  'hana-backup-policy',
  'hana-ini',
  'hana-backint-aws',
  'hana-backint-gcp',
  'hana-backint-utl',
  'ini',
];
