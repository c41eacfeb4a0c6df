/**
 * Where the cursor is in a policy's YAML, read from the text rather than the syntax tree: while a
 * line is being typed the tree is often broken, but indentation still tells where one is.
 */
export interface CursorContext {
  mode: 'key' | 'value';
  /** For `key` mode the mapping's path; for `value` mode the path of the value. */
  path: (string | number)[];
  /** The word being typed and where it starts (offset); completion replaces it. */
  partial: string;
  partialStart: number;
  /** Keys already written in the same mapping, with their value text. */
  siblings: Map<string, string>;
  inFlow: boolean;
  /** Offset where the enclosing YAML document starts. */
  documentStart: number;
}

interface LineInfo {
  indent: number;
  dashCol?: number;
  keyCol?: number;
  key?: string;
  value?: string;
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?\s*$/;
const DASH_ONLY = /^(\s*)-(?:\s+(.*))?$/;

function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i).trimEnd();
  }
  return line;
}

function lineInfo(raw: string): LineInfo | undefined {
  const line = stripComment(raw);
  if (!line.trim()) return undefined;
  const indent = line.length - line.trimStart().length;
  const key = KEY_LINE.exec(line);
  if (key) {
    const dashCol = key[2] ? key[1].length : undefined;
    const keyCol = key[1].length + (key[2]?.length ?? 0);
    const value = key[4]?.trim();
    return { indent, dashCol, keyCol, key: key[3], value: value || undefined };
  }
  const dash = DASH_ONLY.exec(line);
  if (dash) return { indent, dashCol: dash[1].length, value: dash[2]?.trim() };
  return { indent };
}

function isContainerValue(value: string | undefined): boolean {
  return value === undefined || /^[&!][^\s]*$/.test(value) || value === '|' || value === '>';
}

interface Frame {
  open: '{' | '[';
  key?: string;
  count: number;
  /** Offset of the opening bracket in the line. */
  at: number;
}

/** Flow collections opened and not closed on the current line before the cursor. */
function flowFrames(prefix: string): { frames: Frame[]; segment: string; segmentStart: number } {
  const frames: Frame[] = [];
  let quote: string | undefined;
  let segmentStart = 0;
  for (let i = 0; i < prefix.length; i++) {
    const ch = prefix[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[') {
      frames.push({ open: ch, key: trailingKey(prefix.slice(segmentStart, i)), count: 0, at: i });
      segmentStart = i + 1;
    } else if (ch === '}' || ch === ']') {
      frames.pop();
      segmentStart = i + 1;
    } else if (ch === ',' && frames.length) {
      frames[frames.length - 1].count++;
      segmentStart = i + 1;
    }
  }
  return { frames, segment: prefix.slice(segmentStart), segmentStart };
}

/**
 * The key a text ends with (`name:` and blanks), as `/([A-Za-z_][\w-]*)\s*:\s*$/` finds it, read from
 * the end: that regex tries every start and takes time quadratic in a long line's length.
 */
function trailingKey(text: string): string | undefined {
  const head = text.trimEnd();
  if (!head.endsWith(':')) return undefined;
  const word = head.slice(0, -1).trimEnd();
  let start = word.length;
  while (start > 0 && /[\w-]/.test(word[start - 1])) start--;
  const run = word.slice(start);
  const first = run.search(/[A-Za-z_]/);
  return first < 0 ? undefined : run.slice(first);
}

export function cursorContext(text: string, offset: number): CursorContext {
  // Lines as the editor counts them: CRLF, LF and a lone CR each end one.
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const prefix = text.slice(lineStart, offset);
  const documentStart = findDocumentStart(text, lineStart);
  const above = text.slice(documentStart, lineStart).split(/\r\n|\r|\n/);
  if (above.length && above[above.length - 1] === '') above.pop();

  const { frames, segment, segmentStart } = flowFrames(prefix);
  if (frames.length > 0) {
    const blockPrefix = prefix.slice(0, prefix.indexOf(frames[0].open === '{' ? '{' : '['));
    const lead = /^(\s*)(-\s+)?/.exec(blockPrefix)!;
    const base = blockPath(above, ' '.repeat(lead[0].length), lead[2] ? lead[1].length : undefined);
    const path = [...base.path];
    const blockKey = trailingKey(blockPrefix);
    if (blockKey) path.push(blockKey);
    for (let i = 1; i < frames.length; i++) {
      const parent = frames[i - 1];
      if (parent.open === '[') path.push(parent.count);
      if (frames[i].key) path.push(frames[i].key!);
    }
    const inner = frames[frames.length - 1];
    const siblings = new Map<string, string>();
    const lineRest = prefix.slice(prefix.lastIndexOf(inner.open) + 1);
    for (const part of lineRest.split(',')) {
      const kv = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(part);
      if (kv) siblings.set(kv[1], kv[2].trim());
    }
    if (inner.open === '[') {
      const partial = segment.trimStart().replace(/^["']/, '');
      // `{ every: month, on: [` — the list's siblings are the keys of the flow mapping around it.
      const around = frames[frames.length - 2];
      return {
        mode: 'value',
        path: [...path, inner.count],
        partial,
        partialStart: offset - partial.length,
        siblings: around?.open === '{' ? keysIn(prefix.slice(around.at + 1, inner.at)) : base.siblings,
        inFlow: true,
        documentStart,
      };
    }
    const kv = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(segment);
    if (kv) {
      const partial = kv[2].replace(/^["']/, '');
      siblings.delete(kv[1]);
      return {
        mode: 'value',
        path: [...path, kv[1]],
        partial,
        partialStart: offset - partial.length,
        siblings,
        inFlow: true,
        documentStart,
      };
    }
    const partial = segment.trimStart();
    siblings.delete(partial);
    return {
      mode: 'key',
      path,
      partial,
      partialStart: lineStart + segmentStart + (segment.length - partial.length),
      siblings,
      inFlow: true,
      documentStart,
    };
  }

  const keyValue = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(prefix);
  if (keyValue) {
    const col = keyValue[1].length + (keyValue[2]?.length ?? 0);
    const base = blockPath(above, ' '.repeat(col), keyValue[2] ? keyValue[1].length : undefined);
    const partial = keyValue[4].replace(/^["']/, '');
    return {
      mode: 'value',
      path: [...base.path, keyValue[3]],
      partial,
      partialStart: offset - partial.length,
      siblings: base.siblings,
      inFlow: false,
      documentStart,
    };
  }
  const keyOnly = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)?$/.exec(prefix);
  if (keyOnly) {
    const col = keyOnly[1].length + (keyOnly[2]?.length ?? 0);
    const base = blockPath(above, ' '.repeat(col), keyOnly[2] ? keyOnly[1].length : undefined);
    const partial = keyOnly[3] ?? '';
    if (keyOnly[2] && base.sequenceOfScalars) {
      return {
        mode: 'value',
        path: base.path,
        partial,
        partialStart: offset - partial.length,
        siblings: base.ownerSiblings,
        inFlow: false,
        documentStart,
      };
    }
    return {
      mode: 'key',
      path: base.path,
      partial,
      partialStart: offset - partial.length,
      siblings: base.siblings,
      inFlow: false,
      documentStart,
    };
  }
  const dashValue = /^(\s*)-\s+(.*)$/.exec(prefix);
  const base = blockPath(
    above,
    dashValue ? dashValue[1] + '  ' : prefix.replace(/\S.*$/, ''),
    dashValue ? dashValue[1].length : undefined,
  );
  const partial = (dashValue?.[2] ?? prefix.trim()).replace(/^["']/, '');
  return {
    mode: 'value',
    path: base.path,
    partial,
    partialStart: offset - partial.length,
    siblings: dashValue ? base.ownerSiblings : base.siblings,
    inFlow: false,
    documentStart,
  };
}

/** Start of the line after the last `---` line before `before` (a line start), or 0. */
function findDocumentStart(text: string, before: number): number {
  const head = text.slice(0, before);
  const marker = [...head.matchAll(/^---/gm)].at(-1)?.index;
  if (marker === undefined) return 0;
  const lineBreak = /\r\n|\r|\n/.exec(head.slice(marker));
  return lineBreak ? marker + lineBreak.index + lineBreak[0].length : before;
}

/**
 * The path of the mapping that owns a key written at the indentation of `indentText`, found by
 * walking up to each less-indented parent key. `isItem` says the current line starts a list item.
 */
function blockPath(
  above: string[],
  indentText: string,
  dashCol?: number,
): {
  path: (string | number)[];
  siblings: Map<string, string>;
  /** Keys next to the key that owns the list the cursor is in (e.g. `every` beside `on:`). */
  ownerSiblings: Map<string, string>;
  sequenceOfScalars: boolean;
} {
  let col = indentText.length;
  const ownerSiblings = new Map<string, string>();
  let ownerCol = -1;
  const isItem = dashCol !== undefined;
  const path: (string | number)[] = [];
  const siblings = new Map<string, string>();
  // A new list item starts a fresh mapping: keys above it belong to earlier items.
  let collectingSiblings = !isItem;
  let inItem = isItem;
  let itemCol = dashCol ?? -1;
  let sequenceOfScalars = false;
  let itemIndex = 0;
  let first = true;
  for (let i = above.length - 1; i >= 0; i--) {
    const info = lineInfo(above[i]);
    if (!info) continue;
    if (ownerCol >= 0 && info.keyCol !== undefined && info.keyCol <= ownerCol) {
      if (info.keyCol === ownerCol && info.key) ownerSiblings.set(info.key, info.value ?? '');
      // A dash starts the mapping the owner is in; a shallower key ends it.
      if (info.dashCol !== undefined || info.keyCol < ownerCol) ownerCol = -1;
    }
    if (
      info.dashCol !== undefined &&
      !inItem &&
      info.dashCol < col &&
      (info.keyCol === col || info.keyCol === undefined)
    ) {
      if (info.key && collectingSiblings) siblings.set(info.key, info.value ?? '');
      inItem = true;
      itemCol = info.dashCol;
      collectingSiblings = false;
      continue;
    }
    if (inItem && info.dashCol === itemCol) {
      itemIndex++;
      continue;
    }
    const keyCol = info.keyCol;
    if (keyCol === undefined || info.key === undefined) continue;
    if (keyCol === col && collectingSiblings && info.dashCol === undefined) {
      siblings.set(info.key, info.value ?? '');
      continue;
    }
    const ownsItems = inItem && keyCol <= itemCol;
    if ((keyCol < col || ownsItems) && isContainerValue(info.value)) {
      if (inItem) {
        if (first && isItem) sequenceOfScalars = !siblings.size && !hasKeyedItems(above, i, itemCol);
        path.unshift(itemIndex);
      }
      path.unshift(info.key);
      if (first && info.dashCol === undefined) ownerCol = keyCol;
      col = keyCol;
      if (info.dashCol !== undefined) {
        inItem = true;
        itemCol = info.dashCol;
        itemIndex = 0;
      } else {
        inItem = false;
        itemIndex = 0;
      }
      collectingSiblings = false;
      first = false;
      if (col === 0 && info.dashCol === undefined) break;
    } else if (keyCol < col) {
      collectingSiblings = false;
    }
  }
  return { path, siblings, ownerSiblings, sequenceOfScalars };
}

/** `every: month, at: "01:00", on: ` → every, at, on with their values. */
function keysIn(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const part of text.split(',')) {
    const kv = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(part);
    if (kv) keys.set(kv[1], kv[2].trim());
  }
  return keys;
}

function hasKeyedItems(above: string[], from: number, itemCol: number): boolean {
  for (let i = from + 1; i < above.length; i++) {
    const info = lineInfo(above[i]);
    if (info?.dashCol === itemCol) return info.key !== undefined;
  }
  return false;
}
