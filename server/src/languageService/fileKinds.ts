import { isPolicyFilePath } from './policyFiles';

export type FileKind = 'policy' | 'ini' | 'backint-aws' | 'backint-gcp' | 'backint-utl';

export const LANGUAGE_IDS: Record<FileKind, string> = {
  policy: 'hana-backup-policy',
  ini: 'hana-ini',
  'backint-aws': 'hana-backint-aws',
  'backint-gcp': 'hana-backint-gcp',
  'backint-utl': 'hana-backint-utl',
};

/** global.ini of any layer, or an exported `*.global.ini` that names its layer in a directive. */
export function isIniFilePath(filePath: string): boolean {
  return /(^|[/\\])([^/\\]+\.)?global\.ini$/i.test(filePath);
}

const DIRECTIVE = /^\s*#\s*hana-backup:\s*.*layer\s*=/im;

/** An `.ini` file that declares its layer in its first lines (`# hana-backup: layer=HOST …`). */
export function hasLayerDirective(text: string): boolean {
  return DIRECTIVE.test(text.split(/\r?\n/, 10).join('\n'));
}

/**
 * What kind of file this is: from the editor's language id when it has one of ours, else from the
 * path, else (for `.ini` files) from a layer directive in the text.
 */
export function fileKindOf(
  filePath: string,
  languageId?: string,
  backintKindOf?: (path: string) => string | undefined,
  text?: string,
): FileKind | undefined {
  const byLanguage = (Object.entries(LANGUAGE_IDS) as [FileKind, string][]).find(
    ([, id]) => id === languageId,
  )?.[0];
  if (byLanguage) return byLanguage;
  if (isPolicyFilePath(filePath)) return 'policy';
  if (isIniFilePath(filePath)) return 'ini';
  if (/\.ini$/i.test(filePath) && text !== undefined && hasLayerDirective(text)) return 'ini';
  const backint = backintKindOf?.(filePath);
  return backint ? (`backint-${backint}` as FileKind) : undefined;
}
