import type { OpenAPIObject } from '@nestjs/swagger';
import { describeEnvelopes } from './swagger-envelope.js';

type Json = Record<string, unknown>;
const json = (schema: Json) => ({ description: 'x', content: { 'application/json': { schema } } });

describe('describeEnvelopes', () => {
  const envelope = { type: 'object', properties: { success: {}, data: { $ref: '#/components/schemas/A' }, message: {} } };
  const document = {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/plain': { get: { responses: { 200: json({ $ref: '#/components/schemas/A' }), 404: { description: 'nope' } } } },
      '/wrapped': { get: { responses: { 200: json(envelope) } } },
      '/events': { get: { 'x-raw-response': true, responses: { 200: { description: 'stream' } } } },
    },
  } as unknown as OpenAPIObject;
  const described = describeEnvelopes(document);
  const responses = (path: string) => (described.paths[path].get as unknown as { responses: Json }).responses;

  it('wraps a DTO that is only the data in the success envelope', () => {
    expect(responses('/plain')['200']).toMatchObject(
      json({ required: ['success', 'data', 'message'], properties: { data: { $ref: '#/components/schemas/A' } } }),
    );
  });

  it('gives an error response without a body the error envelope', () => {
    expect(responses('/plain')['404']).toEqual({
      description: 'nope',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
    });
    expect(described.components?.schemas?.ErrorEnvelope).toMatchObject({ required: ['success', 'message', 'error'] });
  });

  it('leaves envelopes already written and raw operations (SSE) alone, and drops the raw marker', () => {
    expect(responses('/wrapped')['200']).toEqual(json(envelope));
    expect(responses('/events')['200']).toEqual({ description: 'stream' });
    expect((described.paths['/events'].get as unknown as Json)['x-raw-response']).toBeUndefined();
  });
});
