import type { PgliteSessionQueue } from './pglite-session-queue.js';
import { authentication, fatalError, isStartupMessage, saslInitialResponse, saslResponse } from './postgres-wire.js';
import { type ScramExchange, ScramSha256Server } from './scram-sha256-server.js';

type SessionQueue = Pick<PgliteSessionQueue, 'enqueue' | 'clearQueueForHandler' | 'clearTransactionIfNeeded'>;
type OnData = (data: Uint8Array) => void;

const SASL = 10;
const SASL_CONTINUE = 11;
const SASL_FINAL = 12;
const MECHANISM = 'SCRAM-SHA-256';
const INVALID_PASSWORD = '28P01';
const PROTOCOL_VIOLATION = '08P01';

/** Where a connection stands: its startup message is held back until it has proved it knows the password. */
type Admission =
  | { stage: 'asked'; startup: Uint8Array }
  | { stage: 'challenged'; startup: Uint8Array; exchange: ScramExchange }
  | { stage: 'admitted' }
  | { stage: 'refused' };

/**
 * Password authentication in front of the PGlite session queue (PGlite itself trusts every connection), with
 * SCRAM-SHA-256 as PostgreSQL does it: the password never crosses the socket. Until a connection is admitted,
 * nothing it sends reaches the database.
 */
export class PglitePasswordGate {
  private readonly admissions = new Map<number, Admission>();
  private readonly scram: ScramSha256Server;

  constructor(
    private readonly sessions: SessionQueue,
    password: string,
  ) {
    this.scram = new ScramSha256Server(password);
  }

  async enqueue(handlerId: number, message: Uint8Array, onData: OnData): Promise<number> {
    const admission = this.admissions.get(handlerId);
    if (admission?.stage === 'admitted') return this.sessions.enqueue(handlerId, message, onData);
    if (admission?.stage === 'refused') throw new Error('Connection refused: authentication failed');
    if (!admission) return this.ask(handlerId, message, onData);
    if (admission.stage === 'asked') return this.challenge(handlerId, admission.startup, message, onData);
    const serverFinal = this.scram.finish(admission.exchange, saslResponse(message) ?? '');
    if (!serverFinal) return this.refuse(handlerId, onData);
    this.admissions.set(handlerId, { stage: 'admitted' });
    onData(authentication(SASL_FINAL, serverFinal));
    return this.sessions.enqueue(handlerId, admission.startup, onData);
  }

  clearQueueForHandler(handlerId: number): void {
    this.admissions.delete(handlerId);
    this.sessions.clearQueueForHandler(handlerId);
  }

  clearTransactionIfNeeded(handlerId: number): Promise<void> {
    return this.sessions.clearTransactionIfNeeded(handlerId);
  }

  private ask(handlerId: number, startup: Uint8Array, onData: OnData): number {
    if (!isStartupMessage(startup)) return this.refuse(handlerId, onData, PROTOCOL_VIOLATION, 'expected a startup message');
    this.admissions.set(handlerId, { stage: 'asked', startup });
    return send(onData, authentication(SASL, `${MECHANISM}\0\0`));
  }

  private challenge(handlerId: number, startup: Uint8Array, message: Uint8Array, onData: OnData): number {
    const initial = saslInitialResponse(message);
    const exchange = initial?.mechanism === MECHANISM ? this.scram.begin(initial.data) : undefined;
    if (!exchange) return this.refuse(handlerId, onData);
    this.admissions.set(handlerId, { stage: 'challenged', startup, exchange });
    return send(onData, authentication(SASL_CONTINUE, exchange.serverFirst));
  }

  private refuse(handlerId: number, onData: OnData, sqlState = INVALID_PASSWORD, reason = 'password authentication failed'): number {
    this.admissions.set(handlerId, { stage: 'refused' });
    return send(onData, fatalError(sqlState, `${reason} for the embedded database`));
  }
}

function send(onData: OnData, message: Uint8Array): number {
  onData(message);
  return message.length;
}
