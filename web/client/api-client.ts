/**
 * The typed client for this API: openapi-fetch over the schema generated from openapi.json, so every path, query,
 * body and response (the `{success, data, message}` envelope included) is checked by the compiler.
 *
 *   const api = createApiClient({ baseUrl: 'http://localhost:3000', accessToken: () => token });
 *   const { data, error } = await api.GET('/api/v1/files/{file_id}/status', { params: { path: { file_id } } });
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './api-schema.js';

export type ApiClient = Client<paths>;
export type Schemas = components['schemas'];
export type ErrorEnvelope = Schemas['ErrorEnvelope'];
export type ProcessingStatus = Schemas['ProcessingStatusResponseDto'];

export interface ApiClientOptions {
  /** Origin of the API ('' for the page's own). */
  baseUrl?: string;
  /** The current access token, read before each request (none: the request goes unauthenticated). */
  accessToken?: () => string | undefined;
  fetch?: typeof fetch;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? '', fetch: options.fetch });
  client.use({
    onRequest({ request }) {
      const token = options.accessToken?.();
      if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  });
  return client;
}

/** The `data` of a success envelope, or throws an ApiError carrying the error envelope's code. */
export function unwrap<E extends { data: unknown }>(result: { data?: E; error?: unknown; response: Response }): E['data'] {
  if (result.data !== undefined) return result.data.data;
  throw ApiError.from(result.response.status, result.error);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static from(status: number, body: unknown): ApiError {
    const envelope = body as Partial<ErrorEnvelope> | undefined;
    return new ApiError(status, envelope?.error?.code ?? 'HTTP_ERROR', envelope?.message ?? `HTTP ${status}`);
  }
}
