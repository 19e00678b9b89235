import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Lease } from '../remote-workers/remote-leases.service.js';
import type { RemoteInputLine } from '../remote-workers/remote-step.js';

/** An answer of the API that is not a success: its status and error code (from the envelope). */
export class RemoteApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

/** A lease, and how long it lasts from now (heartbeats must come well within it). */
export interface ClaimedLease {
  lease: Lease;
  leaseMs: number;
}

/** The remote-worker protocol over HTTP(S), with nothing but the API's URL and a token. */
export class RemoteWorkerClient {
  constructor(
    private readonly api: string,
    private readonly token: string,
  ) {}

  /** The next lease, or undefined when none came within maxWaitMs (204). */
  async claim(queues: string[], maxWaitMs: number): Promise<ClaimedLease | undefined> {
    const res = await this.request('POST', '/api/v1/remote-workers/claim', { queues, max_wait_ms: maxWaitMs }, maxWaitMs + 30_000);
    if (res.status === 204) return undefined;
    const lease = (await this.data(res)) as Lease;
    // lease_expires_at is by the API's clock, which this machine's may be minutes off: measure it against the API's
    // Date header, a second short (the header drops the milliseconds).
    const apiNow = Date.parse(res.headers.get('date') ?? '');
    const leaseMs = Date.parse(lease.lease_expires_at) - (Number.isNaN(apiNow) ? Date.now() : apiNow + 1000);
    return { lease, leaseMs: Math.max(1000, leaseMs) };
  }

  /** The lease's input lines, streamed. */
  async *input(leaseId: string): AsyncIterable<RemoteInputLine> {
    const res = await this.request('GET', `/api/v1/remote-workers/leases/${leaseId}/input`, undefined, 600_000);
    if (!res.ok || !res.body) await this.data(res);
    const lines = createInterface({ input: Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), crlfDelay: Infinity });
    for await (const line of lines) if (line.trim()) yield JSON.parse(line) as RemoteInputLine;
  }

  async heartbeat(leaseId: string, progress?: number): Promise<void> {
    await this.data(await this.request('POST', `/api/v1/remote-workers/leases/${leaseId}/heartbeat`, { progress }));
  }

  async complete(leaseId: string, result: unknown): Promise<void> {
    await this.data(await this.request('POST', `/api/v1/remote-workers/leases/${leaseId}/complete`, { result }, 600_000));
  }

  async fail(leaseId: string, error: string, retryable: boolean): Promise<void> {
    await this.data(await this.request('POST', `/api/v1/remote-workers/leases/${leaseId}/fail`, { error: error.slice(0, 2000), retryable }));
  }

  private request(method: string, path: string, body?: unknown, timeoutMs = 30_000): Promise<Response> {
    return fetch(new URL(path, this.api), {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  private async data(res: Response): Promise<unknown> {
    const text = await res.text();
    const body = text ? (JSON.parse(text) as { data?: unknown; message?: string; error?: { code?: string } }) : {};
    if (!res.ok) throw new RemoteApiError(res.status, body.error?.code ?? 'HTTP_ERROR', body.message ?? res.statusText);
    return body.data;
  }
}
