import { createHash, timingSafeEqual } from 'node:crypto';
import type { PgliteSessionQueue } from './pglite-session-queue.js';
import { fatalError, isStartupMessage, passwordOf, passwordRequest } from './postgres-wire.js';

type SessionQueue = Pick<PgliteSessionQueue, 'enqueue' | 'clearQueueForHandler' | 'clearTransactionIfNeeded'>;

/**
 * Password authentication in front of the PGlite session queue (PGlite itself trusts every connection): a
 * connection's startup message is held back until its password matches, and only then reaches the database.
 * Cleartext password exchange: the server listens on loopback only.
 */
export class PglitePasswordGate {
  private readonly heldStartups = new Map<number, Uint8Array>();
  private readonly admitted = new Set<number>();
  private readonly refused = new Set<number>();
  private readonly expected: Buffer;

  constructor(
    private readonly sessions: SessionQueue,
    password: string,
  ) {
    this.expected = digest(password);
  }

  async enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    if (this.admitted.has(handlerId)) return this.sessions.enqueue(handlerId, message, onData);
    if (this.refused.has(handlerId)) throw new Error('Connection refused: authentication failed');
    const startup = this.heldStartups.get(handlerId);
    if (!startup) return this.answer(handlerId, onData, isStartupMessage(message) ? message : undefined);
    this.heldStartups.delete(handlerId);
    const password = passwordOf(message);
    if (password === undefined || !timingSafeEqual(digest(password), this.expected)) {
      this.refused.add(handlerId);
      return send(onData, fatalError('28P01', 'password authentication failed for the embedded database'));
    }
    this.admitted.add(handlerId);
    return this.sessions.enqueue(handlerId, startup, onData);
  }

  clearQueueForHandler(handlerId: number): void {
    this.heldStartups.delete(handlerId);
    this.admitted.delete(handlerId);
    this.refused.delete(handlerId);
    this.sessions.clearQueueForHandler(handlerId);
  }

  clearTransactionIfNeeded(handlerId: number): Promise<void> {
    return this.sessions.clearTransactionIfNeeded(handlerId);
  }

  private answer(handlerId: number, onData: (data: Uint8Array) => void, startup?: Uint8Array): number {
    if (!startup) {
      this.refused.add(handlerId);
      return send(onData, fatalError('08P01', 'expected a startup message'));
    }
    this.heldStartups.set(handlerId, startup);
    return send(onData, passwordRequest());
  }
}

function send(onData: (data: Uint8Array) => void, message: Uint8Array): number {
  onData(message);
  return message.length;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
