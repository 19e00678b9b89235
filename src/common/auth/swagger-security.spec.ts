import type { OpenAPIObject } from '@nestjs/swagger';
import { markGuardedOperations } from './swagger-security.js';

describe('markGuardedOperations', () => {
  it('requires the bearer scheme on guarded operations and strips the public marker from open ones', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/me': { get: { responses: { 200: { description: 'ok' } } } },
        '/login': { post: { 'x-public': true, responses: {} } },
      },
    } as unknown as OpenAPIObject;
    const marked = markGuardedOperations(document);
    const me = marked.paths['/me'].get!;
    expect(me.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(me.responses)).toEqual(['200', '401']);
    const login = marked.paths['/login'].post! as unknown as Record<string, unknown>;
    expect(login.security).toBeUndefined();
    expect(login['x-public']).toBeUndefined();
  });
});
