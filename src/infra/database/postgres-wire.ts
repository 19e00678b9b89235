/** The few Postgres wire-protocol facts the PGlite session queue needs (protocol 3.0). */

const TERMINATE = 0x58; // 'X'
const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I': not in a transaction block
const READY_FOR_QUERY_LENGTH = 6;

export function isTerminate(message: Uint8Array): boolean {
  return message[0] === TERMINATE;
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
