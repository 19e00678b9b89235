import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface EmbeddingRequestBody {
  model: string;
  input: string[];
  encoding_format?: string;
}

type Handler = (body: EmbeddingRequestBody, res: ServerResponse) => void;

/** A deterministic, not normalized vector derived from the text. */
export function fakeVector(text: string, dimension: number): number[] {
  return Array.from({ length: dimension }, (_, i) => (text.charCodeAt(i % Math.max(1, text.length)) % 7) + i + 1);
}

/**
 * A fake OpenAI-compatible /v1/embeddings server on 127.0.0.1 for tests: counts requests, texts and concurrency;
 * `handler` decides each answer (default: fakeVector of each input).
 */
export class FakeEmbeddingServer {
  requests = 0;
  inFlight = 0;
  maxInFlight = 0;
  readonly texts: string[] = [];
  handler: Handler;
  private server?: Server;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(readonly dimension = 4) {
    this.handler = (body, res) => this.answer(res, body.input.map((text) => fakeVector(text, this.dimension)));
  }

  /** Starts listening; returns the base URL (…/v1) for EMBEDDING_BASE_URL. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Answers with these vectors (in reverse order: clients must sort by index), after delayMs. */
  answer(res: ServerResponse, vectors: number[][], delayMs = 0): void {
    const body = {
      object: 'list',
      model: 'fake',
      data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })).reverse(),
      usage: { prompt_tokens: 1, total_tokens: 1 },
    };
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.inFlight--;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }, delayMs);
    this.timers.add(timer);
  }

  fail(res: ServerResponse, status: number): void {
    this.inFlight--;
    res
      .writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': '5' })
      .end(JSON.stringify({ error: { message: `fake ${status}`, type: 'server_error' } }));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as EmbeddingRequestBody;
    this.texts.push(...body.input);
    this.handler(body, res);
  }
}
