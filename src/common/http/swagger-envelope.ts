import type { OpenAPIObject } from '@nestjs/swagger';

/** Marks an operation whose body is not enveloped (@RawResponse); removed from the published document. */
export const RAW_RESPONSE_EXTENSION = 'x-raw-response';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const ERROR_ENVELOPE = 'ErrorEnvelope';

type Schema = Record<string, unknown>;
interface Response {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}

/**
 * The envelope interceptor wraps every result in `{success, data, message}` and the filter every error in
 * `{success: false, message, error}`: the document says so for every operation, so a generated client sees the
 * real bodies. Schemas already written as an envelope (ApiEnvelope) and raw operations are left as they are.
 */
export function describeEnvelopes(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, [ERROR_ENVELOPE]: errorEnvelopeSchema() };
  for (const path of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = path[method] as (Record<string, unknown> & { responses?: Record<string, Response> }) | undefined;
      if (!operation) continue;
      const raw = operation[RAW_RESPONSE_EXTENSION] === true;
      delete operation[RAW_RESPONSE_EXTENSION];
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (status.startsWith('2') && !raw) wrapSuccess(response);
        else if (/^[45]/.test(status)) describeError(response);
      }
    }
  }
  return document;
}

function wrapSuccess(response: Response): void {
  const schema = response.content?.['application/json']?.schema;
  if (isEnvelope(schema)) return;
  response.content = {
    ...response.content,
    'application/json': {
      schema: {
        type: 'object',
        required: ['success', 'data', 'message'],
        properties: {
          success: { type: 'boolean', enum: [true] },
          data: schema ?? {},
          message: { type: 'string' },
        },
      },
    },
  };
}

function describeError(response: Response): void {
  if (response.content?.['application/json']) return; // already written as an envelope (with its example code)
  response.content = { ...response.content, 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_ENVELOPE}` } } };
}

function isEnvelope(schema: Schema | undefined): boolean {
  const properties = schema?.properties as Schema | undefined;
  return !!properties && 'success' in properties && 'data' in properties;
}

function errorEnvelopeSchema(): Schema {
  return {
    type: 'object',
    required: ['success', 'message', 'error'],
    properties: {
      success: { type: 'boolean', enum: [false] },
      message: { type: 'string' },
      error: {
        type: 'object',
        required: ['code'],
        properties: { code: { type: 'string', example: 'VALIDATION_ERROR' }, details: {} },
      },
    },
  };
}
