/**
 * Backint agent parameter files: AWS `aws-backint-agent-config.yaml`, Google `parameters.json`, and
 * `KEY value` files (`init<SID>.utl`, `*.utl`, `*.par`). Every feature takes the file kind (see
 * `backintKindOf`) and a TextDocument, and never throws.
 */
export { BACKINT_RULES, type BackintRuleCode } from './rules';
export { backintKindOf, backintKindOfContent, isIbmProfile } from './fileKinds';
export type { BackintEntry, BackintKind, BackintValue, ParsedBackintFile } from './model';
export { parseBackint } from './parse';
export {
  AWS_CATALOG,
  GCP_CATALOG,
  IBM_CATALOG,
  VENDOR_CATALOGS,
  catalogFor,
  findKey,
  type BackintCatalog,
  type BackintKeyInfo,
  type KeyType,
} from './catalog';
export { validateBackint } from './validation';
export { completeBackint } from './features/completion';
export { hoverBackint } from './features/hover';
export { backintCodeActions } from './features/codeActions';
