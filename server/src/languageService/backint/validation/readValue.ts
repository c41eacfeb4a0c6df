import type { KeyType } from '../catalog';
import type { BackintKind, BackintValue } from '../model';

/** A value read the way the agent would read it into a field of the key's type. */
export type Reading =
  | { status: 'skip' }
  | { status: 'ok'; text: string; number?: number }
  | { status: 'bad'; message: string; data?: Record<string, unknown> };

const ok = (text: string, number?: number): Reading => ({ status: 'ok', text, number });
const bad = (message: string, data?: Record<string, unknown>): Reading => ({ status: 'bad', message, data });

// Go YAML decoders accept the YAML 1.1 words for a typed bool; the AWS agent's reader is not documented.
const YAML_BOOL = /^(true|false|yes|no|on|off|y|n)$/i;
const INTEGER_TEXT = /^[-+]?\d+$/;

function shapeInWords(value: BackintValue): string {
  switch (value.shape) {
    case 'map':
      return 'a mapping';
    case 'list':
      return 'a list';
    case 'boolean':
      return `the boolean \`${value.source}\``;
    case 'number':
      return `the number \`${value.source}\``;
    default:
      return `\`${value.source}\``;
  }
}

/** A double-quoted version of single-line source text, for the fixes that quote a value. */
export function quotedSource(source: string): string | undefined {
  const trimmed = source.trim();
  return trimmed && !/[\r\n]/.test(trimmed) ? JSON.stringify(trimmed) : undefined;
}

/** YAML as the AWS agent reads it: a typed struct, so quoted numbers and booleans are text. */
function readYaml(type: KeyType, value: BackintValue, key: string): Reading {
  if (value.shape === 'null' || value.shape === 'other') return { status: 'skip' };
  const scalar = value.shape !== 'map' && value.shape !== 'list';
  const plain = value.style === 'plain';
  if (type === 'int') {
    if (plain && value.shape === 'number' && Number.isInteger(value.value))
      return ok(value.source, Number(value.value));
    if (!plain && scalar && INTEGER_TEXT.test(String(value.value).trim())) {
      return bad(`\`${key}\` is a number, but ${value.source} is quoted text: write it without quotes.`, {
        replacement: String(value.value).trim(),
      });
    }
    return bad(`\`${key}\` expects a whole number, not ${shapeInWords(value)}.`);
  }
  if (type === 'bool') {
    if (plain && YAML_BOOL.test(value.source.trim())) return ok(value.source.trim());
    if (!plain && scalar && /^(true|false)$/i.test(String(value.value))) {
      return bad(
        `\`${key}\` is true or false, but ${value.source} is quoted text: write it without quotes.`,
        {
          replacement: String(value.value).toLowerCase(),
        },
      );
    }
    return bad(`\`${key}\` expects \`true\` or \`false\`, not ${shapeInWords(value)}.`);
  }
  if (!scalar) {
    const written = value.source.trim();
    // Only a complete flow collection is worth quoting; a half-typed one is a syntax error first.
    const flow = /^\[.*\]$|^\{.*\}$/s.test(written);
    const why = flow ? ` Unquoted, YAML reads \`${written}\` as ${shapeInWords(value)}: quote it.` : '';
    return bad(`\`${key}\` expects text, not ${shapeInWords(value)}.${why}`, {
      quoted: flow ? quotedSource(value.source) : undefined,
    });
  }
  // An unquoted scalar reaches a text field as written (leading zeros and all), not as YAML's number.
  return ok(plain ? value.source.trim() : String(value.value));
}

/** JSON as protojson reads it: strict about strings and booleans, lenient with numbers in strings. */
function readJson(type: KeyType, value: BackintValue, key: string): Reading {
  if (value.shape === 'null') return { status: 'skip' };
  switch (type) {
    case 'int':
      if (value.shape === 'number' && Number.isInteger(value.value))
        return ok(value.source, Number(value.value));
      if (value.shape === 'string' && INTEGER_TEXT.test(String(value.value))) {
        return ok(String(value.value), Number(value.value));
      }
      return bad(`\`${key}\` expects a whole number, not ${shapeInWords(value)}.`);
    case 'float':
      if (value.shape === 'number') return ok(value.source, Number(value.value));
      if (value.shape === 'string') {
        const text = String(value.value);
        if (/^(NaN|-?Infinity)$/.test(text) || (text.trim() !== '' && !Number.isNaN(Number(text)))) {
          return ok(text, Number(text));
        }
      }
      return bad(`\`${key}\` expects a number, not ${shapeInWords(value)}.`);
    case 'bool':
      if (value.shape === 'boolean') return ok(value.source);
      if (value.shape === 'string' && /^(true|false)$/i.test(String(value.value))) {
        return bad(
          `\`${key}\` expects \`true\` or \`false\` without quotes: the agent refuses the string ${value.source}.`,
          {
            replacement: String(value.value).toLowerCase(),
          },
        );
      }
      return bad(`\`${key}\` expects \`true\` or \`false\`, not ${shapeInWords(value)}.`);
    case 'map':
      if (value.shape === 'map' && (value.members ?? []).every((m) => m.shape === 'string'))
        return ok(value.source);
      return bad(`\`${key}\` expects a JSON object whose values are all strings, e.g. {"team": "basis"}.`);
    case 'enum':
      if (value.shape === 'string') return ok(String(value.value));
      // protojson also takes an enum's number; whether this field is a proto enum is not documented.
      if (value.shape === 'number' && Number.isInteger(value.value)) return { status: 'skip' };
      return bad(`\`${key}\` expects one of its values as a string, not ${shapeInWords(value)}.`);
    default:
      if (value.shape === 'string') return ok(String(value.value));
      return bad(`\`${key}\` expects a string in double quotes, not ${shapeInWords(value)}.`, {
        quoted:
          value.shape === 'number' || value.shape === 'boolean' ? quotedSource(value.source) : undefined,
      });
  }
}

/** `KEY value` lines carry text only: a number is text that reads as one. */
function readLine(type: KeyType, value: BackintValue, key: string): Reading {
  const text = String(value.value ?? '');
  if (type === 'int') {
    if (/^\d+$/.test(text)) return ok(text, Number(text));
    return bad(`\`${key}\` expects a whole number, not \`${value.source}\`.`);
  }
  return ok(text);
}

export function readValue(kind: BackintKind, type: KeyType, value: BackintValue, key: string): Reading {
  if (kind === 'aws') return readYaml(type, value, key);
  if (kind === 'gcp') return readJson(type, value, key);
  return readLine(type, value, key);
}
