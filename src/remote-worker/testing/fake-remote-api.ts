import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import type { Lease } from '../../remote-workers/remote-leases.service.js';
import type { RemoteInputLine } from '../../remote-workers/remote-step.js';

/** A job the fake API hands out: the lease's job and the input lines it streams. */
export interface FakeRemoteJob {
  job: Lease['job'];
  input: RemoteInputLine[];
}

/** How a lease ended: the result handed in, or the failure reported. */
export type FakeLeaseAnswer = { complete: Record<string, unknown> } | { fail: { error: string; retryable: boolean } };

/**
 * The remote-worker protocol's server side, faked for tests of the reference worker: each claim leases the next
 * queued job (in envelope answers, as the API does), else 204 after a short wait; input streams the job's NDJSON;
 * complete and fail record the answer. Every request must carry `Bearer <token>` (401 otherwise).
 */
export class FakeRemoteApi {
  readonly heartbeats: { lease_id: string; job_id: string; progress?: number }[] = [];
  /** How far this API's clock is ahead of the worker's (its Date header and lease expiries). */
  clockOffsetMs = 0;
  leaseMs = 3000;
  private readonly queued: FakeRemoteJob[] = [];
  private readonly leases = new Map<string, FakeRemoteJob>();
  private readonly waiters = new Map<string, (answer: FakeLeaseAnswer) => void>();
  private server?: Server;

  constructor(readonly token: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res).catch((error: unknown) => this.send(res, 500, { message: String(error) })));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Queues a job and resolves with the answer to its lease. */
  answerTo(job: FakeRemoteJob): Promise<FakeLeaseAnswer> {
    this.queued.push(job);
    return new Promise((resolve) => this.waiters.set(job.job.id, resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      this.send(res, 401, { message: 'Unknown or revoked remote-worker token', code: 'REMOTE_WORKER_UNAUTHENTICATED' });
      return;
    }
    const body = await readJson(req);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    if (req.method === 'POST' && path === '/api/v1/remote-workers/claim') return this.claim(res, body);
    const match = /^\/api\/v1\/remote-workers\/leases\/([^/]+)\/(input|heartbeat|complete|fail)$/.exec(path);
    const job = match && this.leases.get(match[1]);
    if (!match || !job) {
      this.send(res, 404, { message: 'Lease not found', code: 'LEASE_NOT_FOUND' });
      return;
    }
    const [, leaseId, action] = match;
    if (action === 'input') {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end(job.input.map((line) => `${JSON.stringify(line)}\n`).join(''));
      return;
    }
    if (action === 'heartbeat') {
      this.heartbeats.push({ lease_id: leaseId, job_id: job.job.id, progress: body.progress as number | undefined });
      this.send(res, 200, { data: { lease_expires_at: this.expiry() } });
      return;
    }
    const answer: FakeLeaseAnswer =
      action === 'complete' ? { complete: body.result as Record<string, unknown> } : { fail: body as { error: string; retryable: boolean } };
    this.leases.delete(leaseId);
    this.waiters.get(job.job.id)?.(answer);
    this.send(res, 200, { data: { job_status: action === 'complete' ? 'completed' : 'failed' } });
  }

  private async claim(res: ServerResponse, body: Record<string, unknown>): Promise<void> {
    const queues = body.queues as string[];
    const next = this.queued.findIndex((job) => queues.includes(job.job.queue));
    if (next < 0) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(Number(body.max_wait_ms) || 0, 200)));
      res.writeHead(204).end();
      return;
    }
    const [job] = this.queued.splice(next, 1);
    const leaseId = randomUUID();
    this.leases.set(leaseId, job);
    const lease: Lease = { lease_id: leaseId, job: job.job, lease_expires_at: this.expiry() };
    this.send(res, 200, { data: lease });
  }

  /** The API's envelope: {success, message, data} or {success: false, message, error: {code}}. */
  private send(res: ServerResponse, status: number, answer: { data?: unknown; message?: string; code?: string }): void {
    const ok = status < 400;
    const body = ok ? { success: true, message: 'ok', data: answer.data } : { success: false, message: answer.message, error: { code: answer.code } };
    res.writeHead(status, { 'content-type': 'application/json', date: new Date(this.now()).toUTCString() }).end(JSON.stringify(body));
  }

  private now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  private expiry(): string {
    return new Date(this.now() + this.leaseMs).toISOString();
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
