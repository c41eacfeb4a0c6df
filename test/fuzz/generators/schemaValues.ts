// Values shaped by a JSON schema: the keys it knows (required ones nearly always, optional ones half the
// time, now and then a misspelt or unknown one), its enums, patterns and ranges, and wrong values
// mixed in. Walking the schema keeps the fuzzer in step with the policy format as it grows.
import * as fc from 'fast-check';
import { misspelt, mostly, sometimes, wrongShape } from './values';

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  minItems?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  'x-typical'?: string[];
}

/** Values for properties (by name) where the schema says too little to be realistic, e.g. time zones. */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

export class SchemaValues {
  constructor(
    private readonly root: SchemaNode & { $defs?: Record<string, SchemaNode> },
    private readonly hints: Hints,
  ) {}

  value(node: SchemaNode = this.root, name?: string): fc.Arbitrary<unknown> {
    const hint = name === undefined ? undefined : this.hints[name];
    return mostly(hint ?? this.bySchema(this.resolve(node)));
  }

  private resolve(node: SchemaNode): SchemaNode {
    if (!node.$ref) return node;
    const target = this.root.$defs?.[node.$ref.replace('#/$defs/', '')];
    if (!target) throw new Error(`unresolved ${node.$ref}`);
    return { ...this.resolve(target), ...node, $ref: undefined };
  }

  private bySchema(node: SchemaNode): fc.Arbitrary<unknown> {
    if (node.const !== undefined) return fc.constant(node.const);
    if (node.enum) return fc.constantFrom(...node.enum);
    const types = Array.isArray(node.type)
      ? node.type
      : [node.type ?? (node.properties ? 'object' : 'string')];
    return fc.oneof(...types.map((type) => this.ofType(type, node)));
  }

  private ofType(type: string, node: SchemaNode): fc.Arbitrary<unknown> {
    switch (type) {
      case 'object':
        return this.object(node);
      case 'array':
        return fc.array(this.value(node.items ?? {}), { minLength: node.minItems ?? 0, maxLength: 4 });
      case 'integer': {
        const min = node.minimum ?? -5;
        const max = node.maximum ?? min + 100;
        return fc.oneof(
          { weight: 5, arbitrary: fc.integer({ min: min - 2, max: max + 2 }) },
          { weight: 1, arbitrary: fc.integer() },
        );
      }
      case 'boolean':
        return fc.boolean();
      default:
        return this.string(node);
    }
  }

  private string(node: SchemaNode): fc.Arbitrary<unknown> {
    const typical = node['x-typical']
      ? [{ weight: 4, arbitrary: fc.constantFrom(...node['x-typical']) }]
      : [];
    const matching = node.pattern
      ? [{ weight: 2, arbitrary: fc.stringMatching(new RegExp(node.pattern), { maxLength: 12 }) }]
      : [];
    return fc.oneof(...typical, ...matching, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) });
  }

  private object(node: SchemaNode): fc.Arbitrary<unknown> {
    const properties = Object.entries(node.properties ?? {});
    const required = new Set(node.required ?? []);
    const known = properties.map(([key, child]) =>
      fc.option(
        this.value(child, key).map((value) => [key, value] as const),
        { freq: required.has(key) ? 20 : 2 },
      ),
    );
    const additional =
      typeof node.additionalProperties === 'object'
        ? fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), this.value(node.additionalProperties), {
            maxKeys: 3,
          })
        : fc.constant({});
    const names = properties.map(([key]) => key);
    const stray: fc.Arbitrary<[string, unknown] | null> = names.length
      ? sometimes(fc.tuple(fc.constantFrom(...names).chain(misspelt), wrongShape), 30)
      : fc.constant(null);
    return fc.tuple(fc.tuple(...known), additional, stray).map(([entries, extra, misspelling]) => ({
      ...extra,
      ...Object.fromEntries(entries.filter((entry) => entry !== null)),
      ...(misspelling ? { [misspelling[0]]: misspelling[1] } : {}),
    }));
  }
}
