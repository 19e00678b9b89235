import type { PGlite } from '@electric-sql/pglite';
import { abortRequestMessages, endsIdle, isTerminate, ResponseTail } from './postgres-wire.js';

interface QueuedMessage {
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: Error): void;
}

/**
 * Our replacement for @electric-sql/pglite-socket's query queue (its handler and framing are kept).
 * PGlite is ONE Postgres session shared by every socket connection, so:
 * - a connection owns the session from its first message until the backend answers ReadyForQuery "idle" (end of
 *   its request, or of its transaction); nobody else's message runs in between;
 * - each connection's messages run strictly in the order they were enqueued. The library's handler frames
 *   every socket read in its own concurrent task, so a message split across reads (a 64 KB Bind) can be awaited
 *   while later messages of the same connection are already enqueued: they must wait for it.
 * One loop runs one message at a time; a connection that drops or terminates mid-request or mid-transaction has
 * its request aborted and its transaction rolled back before the next connection gets the session.
 */
export class PgliteSessionQueue {
  private readonly queued = new Map<number, QueuedMessage[]>();
  private readonly dropped = new Map<number, Array<() => void>>();
  private readonly closed = new Set<number>();
  private owner: number | null = null;
  private ownerMidRequest = false;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.closed.has(handlerId)) return reject(new Error('Handler disconnected'));
      const entry = { message, onData, resolve, reject };
      const messages = this.queued.get(handlerId);
      if (messages) messages.push(entry);
      else this.queued.set(handlerId, [entry]);
      void this.run();
    });
  }

  clearQueueForHandler(handlerId: number): void {
    this.closed.add(handlerId);
    const messages = this.queued.get(handlerId) ?? [];
    this.queued.delete(handlerId);
    for (const entry of messages) entry.reject(new Error('Handler disconnected'));
  }

  /** Resolves once a dropped connection no longer holds the session (its request aborted, transaction rolled back). */
  clearTransactionIfNeeded(handlerId: number): Promise<void> {
    this.closed.add(handlerId);
    if (this.owner !== handlerId) return Promise.resolve();
    return new Promise((resolve) => {
      this.dropped.set(handlerId, [...(this.dropped.get(handlerId) ?? []), resolve]);
      void this.run();
    });
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let step = this.nextStep(); step; step = this.nextStep()) await step();
    } finally {
      this.running = false;
    }
  }

  /** The owner's next message; else, once it is gone, its clean-up; else (no owner) the longest-waiting connection. */
  private nextStep(): (() => Promise<void>) | undefined {
    this.owner ??= this.queued.keys().next().value ?? null;
    const owner = this.owner;
    if (owner === null) return undefined;
    const messages = this.queued.get(owner);
    const next = messages?.shift();
    // An emptied list leaves the map, so the connection queues behind the others for its next request.
    if (messages && messages.length === 0) this.queued.delete(owner);
    if (next) return () => (isTerminate(next.message) ? this.terminate(next) : this.execute(next));
    if (this.dropped.has(owner)) return () => this.releaseDropped();
    return undefined;
  }

  private async execute(entry: QueuedMessage): Promise<void> {
    this.ownerMidRequest = true;
    const tail = new ResponseTail();
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(entry.message, {
          onRawData: (data: Uint8Array) => {
            bytes += data.length;
            tail.push(data);
            entry.onData(data);
          },
        }),
      );
    } catch (error) {
      entry.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (endsIdle(tail.bytes())) this.release();
    entry.resolve(bytes);
  }

  /** The shared session must outlive a client's Terminate: end its request instead of passing it on. */
  private async terminate(entry: QueuedMessage): Promise<void> {
    await this.resetSessionIfMidRequest();
    this.release();
    entry.resolve(0);
  }

  private async releaseDropped(): Promise<void> {
    await this.resetSessionIfMidRequest();
    this.release();
  }

  private async resetSessionIfMidRequest(): Promise<void> {
    if (!this.ownerMidRequest) return;
    try {
      for (const message of abortRequestMessages()) {
        await this.db.runExclusive(() => this.db.execProtocolRawStream(message, { onRawData: () => undefined }));
      }
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    } catch {
      // The database is closing: nothing is left to reset.
    }
  }

  /** Frees the session; a connection that dropped while its last message ran learns here that it is released. */
  private release(): void {
    const owner = this.owner;
    this.owner = null;
    this.ownerMidRequest = false;
    if (owner === null) return;
    for (const resolve of this.dropped.get(owner) ?? []) resolve();
    this.dropped.delete(owner);
  }
}
