import type { Document, Node } from 'yaml';

/** Alias expansions allowed: guards against alias bombs ("billion laughs") in hostile files. */
const MAX_ALIAS_COUNT = 1000;

/**
 * A YAML document (or one of its nodes) as plain JavaScript, aliases and `<<` merge keys resolved.
 * Mappings come from YAML as Maps and are made objects here: YAML's own conversion to objects writes
 * a mapping or list used as a key out as YAML text, at a cost that climbs steeply with nesting (a few
 * hundred levels of `{ [ { [` take seconds). Throws on an alias bomb.
 */
export function plainValue(doc: Document, node?: Node): unknown {
  const options = { maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true };
  return toPlain(node ? node.toJS(doc, options) : doc.toJS(options), new Map());
}

/** `converted` keeps what an alias shares: an anchored mapping used twice is converted once. */
function toPlain(value: unknown, converted: Map<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  const done = converted.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const list: unknown[] = [];
    converted.set(value, list);
    for (const item of value) list.push(toPlain(item, converted));
    return list;
  }
  if (!(value instanceof Map)) return value;
  const object: Record<string, unknown> = {};
  converted.set(value, object);
  for (const [key, item] of value) {
    // As YAML does it: `__proto__` becomes an own key, never the prototype.
    Object.defineProperty(object, keyText(key), {
      value: toPlain(item, converted),
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return object;
}

/** Characters of a mapping or list used as a key that name it (in messages such as HBP002's). */
const KEY_PREVIEW = 40;

/**
 * A key as a property name: `null` is '', a mapping or list a short flow text of its start. Only the
 * start is written: keys nested in keys would otherwise make texts that grow with every level.
 */
function keyText(key: unknown): string {
  if (key === null || key === undefined) return '';
  if (typeof key !== 'object') return String(key);
  let text = '';
  // Each step writes at least one character, so this ends on any structure, aliased cycles included.
  const write = (value: unknown): void => {
    if (text.length > KEY_PREVIEW) return;
    if (value instanceof Map || Array.isArray(value)) {
      const map = value instanceof Map;
      text += map ? '{' : '[';
      let first = true;
      for (const item of value as Iterable<unknown>) {
        if (text.length > KEY_PREVIEW) break;
        if (!first) text += ', ';
        first = false;
        if (map) {
          const [k, v] = item as [unknown, unknown];
          write(k);
          text += ': ';
          write(v);
        } else write(item);
      }
      text += map ? '}' : ']';
    } else text += value === null ? 'null' : String(value);
  };
  write(key);
  return text.length > KEY_PREVIEW ? `${text.slice(0, KEY_PREVIEW)}…` : text;
}
