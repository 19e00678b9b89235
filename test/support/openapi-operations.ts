import { randomUUID } from 'node:crypto';

/** The parts of an OpenAPI 3 document the robustness test walks. */
export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface ApiOperation {
  method: string;
  /** The OpenAPI path, `{param}` placeholders included. */
  template: string;
  pathParams: string[];
  queryParams: { name: string; schema: JsonSchema }[];
  headerParams: string[];
  /** content type → resolved schema */
  bodies: Record<string, JsonSchema>;
  guarded: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function listOperations(doc: OpenApiDocument): ApiOperation[] {
  const resolve = (schema: JsonSchema): JsonSchema =>
    schema.$ref ? resolve(doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] ?? {}) : schema;
  return Object.entries(doc.paths).flatMap(([template, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const op = item[method];
      const params = op.parameters ?? [];
      return {
        method: method.toUpperCase(),
        template,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: resolve(p.schema ?? {}) })),
        headerParams: params.filter((p) => p.in === 'header').map((p) => p.name),
        bodies: Object.fromEntries(Object.entries(op.requestBody?.content ?? {}).map(([type, c]) => [type, resolve(c.schema)])),
        guarded: Array.isArray(op.security) && op.security.length > 0,
      };
    }),
  );
}

/** A value the schema accepts (example, enum, default or the smallest valid one). */
export function validValue(schema: JsonSchema): unknown {
  if (schema.enum?.length) return schema.enum[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'string':
      return schema.format === 'uuid' ? randomUUID() : 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => validValue(schema.items ?? {}));
    default:
      return {};
  }
}

/** An object with every property of the schema set to a valid value. */
export function validBody(schema: JsonSchema): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, prop]) => [name, validValue(prop)]));
}
