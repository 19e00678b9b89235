import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface RecordedRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string } };
}

/** What the fake server answers for a request: a reply text, or an HTTP status with headers. */
export type FakeReply = { content: string } | { status: number; headers?: Record<string, string> };

/**
 * A local OpenAI-compatible chat-completions server for tests: `reply(userText, callNumber)` decides each answer.
 * Records every request and the highest number of requests in flight at once.
 */
export class FakeLlmServer {
  readonly requests: RecordedRequest[] = [];
  maxInFlight = 0;
  private inFlight = 0;
  private readonly calls = new Map<string, number>();
  private server?: Server;

  constructor(
    private readonly reply: (userText: string, call: number) => FakeReply,
    private readonly delayMs = 20,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Requests whose first user message was `text`. */
  callsFor(text: string): number {
    return this.calls.get(text) ?? 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest;
      this.requests.push(body);
      const userText = body.messages.find((m) => m.role === 'user')?.content ?? '';
      const call = (this.calls.get(userText) ?? 0) + 1;
      this.calls.set(userText, call);
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const answer = this.reply(userText, call);
      if ('status' in answer) {
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(JSON.stringify({ error: { message: `status ${answer.status}`, type: 'test' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${this.requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: answer.content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    } finally {
      this.inFlight -= 1;
    }
  }
}
