import { Agent, request } from 'node:http';
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** Sent byte for byte as the request target: no URL normalisation (`../`, `%00`, `%ZZ` reach the server as is). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A bare HTTP client for hostile requests (supertest and fetch normalise or refuse some of them). */
export class RawHttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  send(req: RawRequest): Promise<RawResponse> {
    return this.sendOnce(req).catch((error: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
      // A keep-alive socket the server closed just as we reused it: the request never reached the server.
      // Node's documented remedy is to send it again on a fresh socket.
      if (error.reusedSocket && error.code === 'ECONNRESET') return this.sendOnce(req);
      throw error;
    });
  }

  private sendOnce(req: RawRequest): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
      const headers: Record<string, string> = { ...req.headers };
      if (body) headers['content-length'] = String(body.length);
      const outgoing = request(
        { host: this.host, port: this.port, method: req.method, path: req.path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      outgoing.setTimeout(15_000, () => outgoing.destroy(new Error(`${req.method} ${req.path.slice(0, 120)}: no answer`)));
      outgoing.on('error', (error: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
        error.reusedSocket = outgoing.reusedSocket;
        reject(error);
      });
      outgoing.end(body);
    });
  }

  /** Runs every request, at most `concurrency` at a time, keeping the order of the input. */
  async sendAll<T extends RawRequest>(reqs: T[], concurrency = 12): Promise<{ req: T; res: RawResponse }[]> {
    const results: { req: T; res: RawResponse }[] = new Array(reqs.length);
    let next = 0;
    const lane = async () => {
      while (next < reqs.length) {
        const index = next++;
        results[index] = { req: reqs[index], res: await this.send(reqs[index]) };
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, reqs.length) }, lane));
    return results;
  }

  /** Writes bytes that are not HTTP at all and reads whatever comes back until the server closes. */
  sendBytes(bytes: string): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.port, this.host, () => socket.end(bytes));
      const chunks: Buffer[] = [];
      socket.setTimeout(15_000, () => socket.destroy(new Error('no answer to raw bytes')));
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head, ...rest] = raw.split('\r\n\r\n');
        resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0), headers: {}, text: rest.join('\r\n\r\n') });
      });
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
