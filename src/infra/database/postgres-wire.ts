/** The few Postgres wire-protocol facts the PGlite server needs (protocol 3.0): framing, authentication, states. */

const TERMINATE = 0x58; // 'X'
const PASSWORD_MESSAGE = 0x70; // 'p': PasswordMessage, SASLInitialResponse, SASLResponse
const PROTOCOL_3 = 196608;
const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I': not in a transaction block
const READY_FOR_QUERY_LENGTH = 6;

export function isTerminate(message: Uint8Array): boolean {
  return message[0] === TERMINATE;
}

/** The startup message (no type byte): length, then protocol version 3.0. */
export function isStartupMessage(message: Uint8Array): boolean {
  if (message.length < 8) return false;
  return new DataView(message.buffer, message.byteOffset, message.byteLength).getInt32(4) === PROTOCOL_3;
}

/** An Authentication message ('R') with its code: 10 SASL, 11 SASL continue, 12 SASL final. */
export function authentication(code: number, payload = ''): Uint8Array {
  return typedMessage('R', int32(code), new TextEncoder().encode(payload));
}

/** The mechanism and data of a SASLInitialResponse ('p': mechanism, then the length and bytes of its data). */
export function saslInitialResponse(message: Uint8Array): { mechanism: string; data: string } | undefined {
  if (message[0] !== PASSWORD_MESSAGE) return undefined;
  const end = message.indexOf(0, 5);
  if (end < 0 || end + 5 > message.length) return undefined;
  return { mechanism: decode(message.subarray(5, end)), data: decode(message.subarray(end + 5)) };
}

/** The data of a SASLResponse ('p'), or undefined for any other message. */
export function saslResponse(message: Uint8Array): string | undefined {
  return message[0] === PASSWORD_MESSAGE ? decode(message.subarray(5)) : undefined;
}

/** A FATAL ErrorResponse with its SQLSTATE (e.g. 28P01 invalid_password). */
export function fatalError(sqlState: string, text: string): Uint8Array {
  const field = (code: string, value: string) => cstring(code + value);
  return typedMessage('E', field('S', 'FATAL'), field('V', 'FATAL'), field('C', sqlState), field('M', text), new Uint8Array(1));
}

/** True when a backend response ends with ReadyForQuery "idle": the request is over and no transaction is open. */
export function endsIdle(response: Uint8Array): boolean {
  if (response.length !== READY_FOR_QUERY_LENGTH) return false;
  const view = new DataView(response.buffer, response.byteOffset, response.byteLength);
  return response[0] === READY_FOR_QUERY && view.getInt32(1) === 5 && response[5] === IDLE;
}

/** The last bytes of a response streamed in chunks: enough to see its final ReadyForQuery. */
export class ResponseTail {
  private tail = new Uint8Array(0);

  push(chunk: Uint8Array): void {
    if (chunk.length >= READY_FOR_QUERY_LENGTH) {
      this.tail = chunk.slice(-READY_FOR_QUERY_LENGTH);
      return;
    }
    const joined = new Uint8Array(this.tail.length + chunk.length);
    joined.set(this.tail);
    joined.set(chunk, this.tail.length);
    this.tail = joined.slice(-READY_FOR_QUERY_LENGTH);
  }

  bytes(): Uint8Array {
    return this.tail;
  }
}

/**
 * Ends whatever request a vanished client left half-sent, without running it: a Parse that always fails (which
 * aborts an implicit transaction, or is skipped if the session already waits for Sync) and then a Sync.
 */
export function abortRequestMessages(): Uint8Array[] {
  return [typedMessage('P', cstring(''), cstring('abort the abandoned request'), new Uint8Array(2)), typedMessage('S')];
}

/** A frontend message: a type byte, its length, then its parts. */
export function typedMessage(type: string, ...parts: Uint8Array[]): Uint8Array {
  const bodyLength = parts.reduce((sum, part) => sum + part.length, 0);
  const message = new Uint8Array(1 + 4 + bodyLength);
  message[0] = type.charCodeAt(0);
  new DataView(message.buffer).setInt32(1, 4 + bodyLength);
  let offset = 5;
  for (const part of parts) {
    message.set(part, offset);
    offset += part.length;
  }
  return message;
}

export function cstring(text: string): Uint8Array {
  return new TextEncoder().encode(`${text}\0`);
}

export function int32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setInt32(0, value);
  return bytes;
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
