import { createServer, type Server } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { PgliteSessionQueue } from './pglite-session-queue.js';

type HandlerQueue = ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'];

/** Serves one PGlite over the Postgres wire protocol on 127.0.0.1, each request run whole (PgliteSessionQueue). */
export class PgliteServer {
  private readonly queue: PgliteSessionQueue;
  private readonly handlers = new Set<PGLiteSocketHandler>();
  private server?: Server;

  constructor(db: PGlite) {
    this.queue = new PgliteSessionQueue(db);
  }

  /** Listens on `port` (0: any free port) and resolves with the port. */
  start(port: number): Promise<number> {
    const server = createServer((socket) => {
      // The library's handler does the framing; our queue replaces its own (same methods, private fields aside).
      const handler = new PGLiteSocketHandler({ queryQueue: this.queue as unknown as HandlerQueue, closeOnDetach: true });
      this.handlers.add(handler);
      handler.addEventListener('close', () => this.handlers.delete(handler));
      handler.addEventListener('error', () => this.handlers.delete(handler));
      void handler.attach(socket);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
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
