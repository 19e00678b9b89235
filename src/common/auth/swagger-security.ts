import type { OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_OPERATION_EXTENSION } from './auth.decorators.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Routes are guarded by default, so the document is too: every operation not marked @Public() requires the bearer
 * scheme and documents the 401 codes; public operations lose their marker.
 */
export function markGuardedOperations(document: OpenAPIObject, scheme = 'bearer'): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = path[method] as (Record<string, unknown> & { responses?: Record<string, unknown> }) | undefined;
      if (!operation) continue;
      if (operation[PUBLIC_OPERATION_EXTENSION]) {
        delete operation[PUBLIC_OPERATION_EXTENSION];
        continue;
      }
      operation.security = [{ [scheme]: [] }];
      operation.responses = {
        ...operation.responses,
        401: {
          description:
            'No valid access token: UNAUTHENTICATED (missing), TOKEN_INVALID, TOKEN_EXPIRED or TOKEN_REVOKED',
        },
      };
    }
  }
  return document;
}
