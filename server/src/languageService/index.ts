export * from './types';
export { CONFIG_RULES, POLICY_RULES, type ConfigRuleCode, type PolicyRuleCode } from './diagnostics/codes';
export { isPolicyFilePath } from './policyFiles';
export { fileKindOf, hasLayerDirective, isIniFilePath, type FileKind } from './fileKinds';
export { HanaBackupLanguageService, type ValidationResult } from './service';
