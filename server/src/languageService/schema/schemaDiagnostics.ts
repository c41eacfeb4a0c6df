import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { closest, distance } from 'fastest-levenshtein';
import type { DocumentContext } from '../diagnostics/documentContext';
import type { PolicyRuleCode } from '../diagnostics/codes';
import { POLICY_SCHEMA, pathLabel, type SchemaNode } from './policySchema';

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  if (validator) return validator;
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
  });
  for (const keyword of [
    'x-code',
    'x-message',
    'x-type-message',
    'x-typical',
    'x-snippet',
    'markdownDescription',
  ]) {
    ajv.addKeyword({ keyword });
  }
  validator = ajv.compile(POLICY_SCHEMA);
  return validator;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: '`true` or `false`',
  object: 'a mapping of keys',
  array: 'a list',
};

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function keyName(path: readonly (string | number)[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the document';
  return typeof last === 'number' ? `${pathLabel(path.slice(-2))}` : last;
}

function fill(template: string, path: readonly (string | number)[], data: unknown): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'key') return keyName(path);
    const value = data && typeof data === 'object' ? (data as Record<string, unknown>)[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

function firstSentence(markdown: string | undefined): string {
  if (!markdown) return '';
  const sentence = /^(.+?[.:])(\s|$)/.exec(markdown)?.[1] ?? markdown;
  return sentence.replace(/[.:]$/, '');
}

function listWords(values: unknown[]): string {
  const words = values.map((v) => String(v));
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function describeValue(data: unknown): string {
  if (data === null) return 'nothing';
  if (typeof data === 'string') return `"${data}"`;
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  return String(data);
}

/** Proposes the known key closest to an unknown one, when it is close enough to be a typo. */
export function proposeKey(unknown: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = unknown.toLowerCase();
  const caseInsensitive = known.find((k) => k.toLowerCase() === lower);
  if (caseInsensitive) return caseInsensitive;
  const candidate = closest(unknown, known as string[]);
  return distance(unknown, candidate) <= Math.max(2, Math.floor(candidate.length / 3))
    ? candidate
    : undefined;
}

/**
 * Validates a document against the published JSON schema and turns each schema error into one of the
 * spec's codes with a message for people. Errors from parts the semantic rules handle with better
 * messages (`x-code: semantic`) and from combinators (`if`, `not`, `anyOf`…) are dropped.
 */
export function validateAgainstSchema(ctx: DocumentContext): void {
  const validate = compile();
  if (validate(ctx.doc.value)) return;
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const mapped = mapError(error);
    if (!mapped) continue;
    const range = mapped.on === 'key' ? ctx.keyRange(mapped.path) : ctx.valueRange(mapped.path);
    const id = `${mapped.code}|${range.start.line}:${range.start.character}|${mapped.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    ctx.report(mapped.code, range, mapped.message, { data: mapped.data });
  }
}

interface MappedError {
  code: PolicyRuleCode;
  path: (string | number)[];
  on: 'key' | 'value';
  message: string;
  data?: Record<string, unknown>;
}

function mapError(error: ErrorObject): MappedError | undefined {
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const xCode = parent['x-code'];
  if (xCode === 'semantic') return undefined;
  const path = pointerToPath(error.instancePath);
  const key = keyName(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const known = Object.keys(parent.properties ?? {});
      const proposal = proposeKey(unknown, known);
      const where = path.length ? `\`${pathLabel(path)}\`` : 'a policy';
      const hint = proposal
        ? `Did you mean \`${proposal}\`?`
        : known.length
          ? `Known keys: ${known.map((k) => `\`${k}\``).join(', ')}.`
          : '';
      return {
        code: 'HBP002',
        path: [...path, unknown],
        on: 'key',
        message: `Unknown key \`${unknown}\` in ${where}. ${hint}`.trim(),
        data: proposal ? { proposal, unknown } : { unknown },
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const code = (xCode as PolicyRuleCode | undefined) ?? 'HBP004';
      const doc = firstSentence(
        (parent.properties?.[missing] as SchemaNode | undefined)?.markdownDescription ?? undefined,
      );
      const message = parent['x-message']
        ? fill(parent['x-message'], path, error.data)
        : `${path.length ? `\`${key}\`` : 'The policy'} is missing \`${missing}\`${doc ? `: ${lowerFirst(doc)}` : ''}. Add it.`;
      return { code, path, on: 'key', message: capitalise(message), data: { missing, parentPath: path } };
    }
    case 'type': {
      const expected =
        parent['x-type-message'] ??
        listWords(
          String(params.type)
            .split(',')
            .map((t) => TYPE_WORDS[t] ?? t),
        );
      const message =
        error.data === null
          ? `\`${key}\` has no value: it must be ${expected}.`
          : `\`${key}\` must be ${expected}, not ${describeValue(error.data)}.`;
      return { code: 'HBP003', path, on: 'value', message };
    }
    case 'enum':
      return {
        code: 'HBP003',
        path,
        on: 'value',
        message: `\`${key}\` must be ${listWords((params.allowedValues as unknown[]) ?? [])}, not ${describeValue(error.data)}.`,
        data: { allowed: params.allowedValues },
      };
    case 'const':
      return {
        code: 'HBP003',
        path,
        on: 'value',
        message: parent['x-message']
          ? `${fill(parent['x-message'], path, error.data)}.`
          : `\`${key}\` must be \`${String(params.allowedValue)}\`.`,
        data: { allowed: [params.allowedValue] },
      };
    case 'pattern':
    case 'minimum':
    case 'maximum':
    case 'minItems':
    case 'minLength':
    case 'minProperties': {
      const code = (xCode as PolicyRuleCode | undefined) ?? 'HBP003';
      const message = parent['x-message']
        ? `${capitalise(fill(parent['x-message'], path, error.data))}, not ${describeValue(error.data)}.`
        : genericConstraintMessage(error.keyword, key, params);
      return { code, path, on: 'value', message };
    }
    default:
      return undefined;
  }
}

function genericConstraintMessage(keyword: string, key: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case 'minItems':
      return `\`${key}\` needs at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}.`;
    case 'minLength':
      return `\`${key}\` must not be empty.`;
    case 'minProperties':
      return `\`${key}\` must not be empty.`;
    case 'minimum':
      return `\`${key}\` must be at least ${String(params.limit)}.`;
    case 'maximum':
      return `\`${key}\` must be at most ${String(params.limit)}.`;
    default:
      return `\`${key}\` does not have the expected form.`;
  }
}

function capitalise(text: string): string {
  return text.startsWith('`') ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
