import { createServer, isIP, type Server } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { PglitePasswordGate } from './pglite-password-gate.js';
import { PgliteSessionQueue } from './pglite-session-queue.js';

type HandlerQueue = ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'];

/**
 * Serves one PGlite over the Postgres wire protocol on loopback only, behind a password (PglitePasswordGate), each
 * request run whole (PgliteSessionQueue).
 */
export class PgliteServer {
  private readonly gate: PglitePasswordGate;
  private readonly handlers = new Set<PGLiteSocketHandler>();
  private server?: Server;

  constructor(db: PGlite, password: string) {
    this.gate = new PglitePasswordGate(new PgliteSessionQueue(db), password);
  }

  /** Listens on host:port (0: any free port) and resolves with the port. Refuses any host but loopback. */
  start(port: number, host = '127.0.0.1'): Promise<number> {
    if (!isLoopback(host)) {
      return Promise.reject(new Error(`The embedded database is served on loopback only, not on ${host}`));
    }
    const server = createServer((socket) => {
      // The library's handler does the framing; our gate and queue replace its queue (same methods).
      const handler = new PGLiteSocketHandler({ queryQueue: this.gate as unknown as HandlerQueue, closeOnDetach: true });
      this.handlers.add(handler);
      handler.addEventListener('close', () => this.handlers.delete(handler));
      handler.addEventListener('error', () => this.handlers.delete(handler));
      void handler.attach(socket);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  async stop(): Promise<void> {
    for (const handler of this.handlers) await handler.detach(true);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}
