import type { PGlite } from '@electric-sql/pglite';

interface Waiter {
  handlerId: number;
  resolve(): void;
  reject(error: Error): void;
}

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const PROTOCOL_3 = 196608;

/**
 * Our own replacement for @electric-sql/pglite-socket's query queue (its handler and framing are kept).
 * PGlite is ONE Postgres session shared by every socket connection. The library's queue interleaves connections
 * message by message, so one client's Parse/Bind/Execute can land between another's and fail ("portal does not
 * exist", parameters bound to the wrong statement). This queue gives one connection the session from its first
 * message until the end of its request (Sync or a simple Query) and, inside a transaction, until it ends.
 */
export class PgliteSessionQueue {
  private owner: number | null = null;
  private waiters: Waiter[] = [];

  constructor(private readonly db: PGlite) {}

  async enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    await this.acquire(handlerId);
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(message, {
          onRawData: (data: Uint8Array) => {
            bytes += data.length;
            onData(data);
          },
        }),
      );
    } finally {
      if (endsRequest(message) && !this.db.isInTransaction()) this.release(handlerId);
    }
    return bytes;
  }

  getQueueLength(): number {
    return this.waiters.length;
  }

  clearQueueForHandler(handlerId: number): void {
    const gone = this.waiters.filter((w) => w.handlerId === handlerId);
    this.waiters = this.waiters.filter((w) => w.handlerId !== handlerId);
    for (const waiter of gone) waiter.reject(new Error('Handler disconnected'));
  }

  /** A connection that drops mid-request or mid-transaction must not keep the session. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.release(handlerId);
  }

  private acquire(handlerId: number): Promise<void> {
    if (this.owner === null || this.owner === handlerId) {
      this.owner = handlerId;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.waiters.push({ handlerId, resolve, reject }));
  }

  private release(handlerId: number): void {
    if (this.owner !== handlerId) return;
    const next = this.waiters.shift();
    this.owner = next ? next.handlerId : null;
    next?.resolve();
  }
}

/** True for the last message of a request: Sync, a simple Query, Terminate, or the startup message. */
function endsRequest(message: Uint8Array): boolean {
  const type = message[0];
  if (type === SYNC || type === SIMPLE_QUERY || type === TERMINATE) return true;
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  return message.byteLength >= 8 && view.getInt32(4) === PROTOCOL_3;
}
