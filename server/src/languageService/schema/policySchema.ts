import schemaJson from '../../../../schemas/backup-policy.schema.json';

/** A node of the JSON schema as this server reads it (annotations included). */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
  items?: SchemaNode;
  markdownDescription?: string;
  description?: string;
  'x-code'?: string;
  'x-message'?: string;
  'x-type-message'?: string;
  'x-typical'?: string[];
  'x-snippet'?: string;
  [keyword: string]: unknown;
}

export const POLICY_SCHEMA = schemaJson as unknown as SchemaNode;

/** Follows `$ref` and merges the referring node's own annotations over the target's. */
export function resolveSchema(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node;
  const target = node.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (current, part) => (current as Record<string, unknown> | undefined)?.[part],
      POLICY_SCHEMA,
    ) as SchemaNode | undefined;
  const own = { ...node };
  delete own.$ref;
  return { ...resolveSchema(target), ...own };
}

/** The schema that describes the value at `path` (array indexes descend into `items`). */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let current = resolveSchema(POLICY_SCHEMA);
  for (const segment of path) {
    if (!current) return undefined;
    if (typeof segment === 'number') {
      current = resolveSchema(current.items);
    } else {
      const next = current.properties?.[segment];
      current = resolveSchema(
        next ?? (typeof current.additionalProperties === 'object' ? current.additionalProperties : undefined),
      );
    }
  }
  return current;
}

export function describe(node: SchemaNode | undefined): string | undefined {
  return node?.markdownDescription ?? node?.description;
}

/** `spec.schedules.full`, `spec.targets[0].system` — how paths appear in messages. */
export function pathLabel(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (label, segment) =>
      typeof segment === 'number' ? `${label}[${segment}]` : label ? `${label}.${segment}` : segment,
    '',
  );
}
