import { parseTree } from 'jsonc-parser';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { BackintKind } from './model';

/** The last two segments of a path or URI, whichever separator it uses. */
function tail(filePath: string): { name: string; folder: string } {
  const parts = filePath.split(/[\\/]/);
  return { name: parts[parts.length - 1] ?? '', folder: parts[parts.length - 2] ?? '' };
}

// IBM names its profile after the SID, which is three characters starting with a letter.
const IBM_PROFILE = /^init[A-Za-z][A-Za-z0-9]{2}\.utl$/;

/** The Backint parameter file kind a path names, per the spec's table; `undefined` for other files. */
export function backintKindOf(filePath: string): BackintKind | undefined {
  const { name, folder } = tail(filePath);
  const lower = name.toLowerCase();
  if (lower === 'aws-backint-agent-config.yaml') return 'aws';
  if (lower === 'parameters.json' && (folder === 'hdbconfig' || folder === 'backint-gcs')) return 'gcp';
  if (lower.endsWith('.utl') || lower.endsWith('.par')) return 'utl';
  return undefined;
}

/** True for IBM's `init<SID>.utl`, the one `KEY value` file whose keys this module knows. */
export function isIbmProfile(filePath: string): boolean {
  return IBM_PROFILE.test(tail(filePath).name);
}

/**
 * A guess for a file named by a `*_parameter_file` parameter whose name tells nothing: a YAML mapping
 * with `S3…` keys is AWS, a JSON object is Google, anything else is read as `KEY value` lines.
 */
export function backintKindOfContent(text: string): BackintKind {
  try {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{')) {
      const root = parseTree(trimmed, [], { disallowComments: false, allowTrailingComma: true });
      if (root?.type === 'object') return 'gcp';
    }
    const doc = parseDocument(text, { uniqueKeys: false });
    const contents = doc.contents;
    if (
      isMap(contents) &&
      contents.items.some((pair) => isScalar(pair.key) && /^S3/.test(String(pair.key.value)))
    ) {
      return 'aws';
    }
  } catch {
    // Unreadable as YAML or JSON: then it is `KEY value` lines as far as anyone can tell.
  }
  return 'utl';
}
