/** Whether a path names a policy file: `*.backup-policy.yaml|yml`, or any YAML file under `backup-policies/`. */
export function isPolicyFilePath(filePath: string): boolean {
  const normal = filePath.replace(/\\/g, '/');
  if (/\.backup-policy\.ya?ml$/i.test(normal)) return true;
  return /(^|\/)backup-policies\/(.+\/)?[^/]+\.ya?ml$/i.test(normal);
}
