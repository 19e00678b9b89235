import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ErrorEnvelope } from './envelope.js';

const STATUS_BY_NODE_CODE: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'REQUEST_HEADERS_TOO_LARGE'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'REQUEST_TIMEOUT'],
};

/**
 * Requests Node's HTTP parser refuses before Express sees them (a 20 kB URL or header, a garbled request line) got a
 * bare status line with no body. Answer them in the error envelope too.
 */
export function answerClientErrorsInEnvelope(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, code] = STATUS_BY_NODE_CODE[error.code ?? ''] ?? [400, 'Bad Request', 'BAD_REQUEST'];
    const body: ErrorEnvelope = { success: false, message: `${reason}: the request could not be parsed`, error: { code } };
    const json = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  });
}
