/** The file patterns of the policy language, as the spec defines them (kept in step with package.json). */
export const POLICY_FILE_GLOBS = [
  '**/*.backup-policy.yaml',
  '**/*.backup-policy.yml',
  '**/backup-policies/**/*.yaml',
  '**/backup-policies/**/*.yml',
];
