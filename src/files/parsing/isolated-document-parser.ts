import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../infra/config/app-config.js';
import { isOutOfMemoryError, ResourceLimitError } from '../../infra/queue/resource-limit.error.js';
import { DocumentParser } from './document-parser.js';
import { CorruptDocumentError } from './document-parsing.errors.js';
import type { DocumentType } from './document-type.js';
import type { ParsedPage } from './parsed-document.js';
import type { ParsingMessage, ParsingRequest } from './parsing-thread.protocol.js';

// An idle parsing thread keeps its parsers loaded (about half a second to load) this long for the next document.
const IDLE_TIMEOUT_MS = 30_000;

/**
 * Parses documents on worker threads capped at JOB_MAX_MEMORY_MB of JS heap: a crafted document (a DOCX or PDF
 * bomb) that would take the worker process with it only ends its thread, and the job fails with RESOURCE_LIMIT.
 * Pages come one at a time, on demand, as from DocumentParser; one thread per document being parsed, reused while
 * warm. Without a compiled thread file next to this one (the TypeScript sources under Jest) it parses in-thread.
 */
@Injectable()
export class IsolatedDocumentParser implements OnApplicationShutdown {
  private readonly threadFile = fileURLToPath(new URL('./parsing.worker.js', import.meta.url));
  private readonly threaded = existsSync(this.threadFile);
  private readonly idle = new Map<Worker, NodeJS.Timeout>();

  constructor(
    private readonly config: AppConfig,
    private readonly inThread: DocumentParser,
  ) {}

  async *pages(path: string, type: DocumentType, signal?: AbortSignal): AsyncGenerator<ParsedPage> {
    if (!this.threaded) {
      yield* this.inThread.pages(path, type);
      return;
    }
    const limitMb = this.config.queue.jobMaxMemoryMb;
    const thread = this.acquire(limitMb);
    let finished = false;
    try {
      await request(thread, { kind: 'open', path, type }, limitMb, signal);
      for (;;) {
        const message = await request(thread, { kind: 'next' }, limitMb, signal);
        if (message.kind === 'done') break;
        if (message.kind === 'error') {
          finished = true;
          throw message.corrupt ? new CorruptDocumentError(message.corrupt.type, message.corrupt.reason) : new Error(message.message);
        }
        if (message.kind === 'page') yield message.page;
      }
      finished = true;
    } finally {
      // A thread left mid-document (abort, the reader stopped, the thread died) is not reused.
      if (finished) this.release(thread);
      else await thread.terminate();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const threads = [...this.idle.keys()];
    for (const timer of this.idle.values()) clearTimeout(timer);
    this.idle.clear();
    await Promise.all(threads.map((thread) => thread.terminate()));
  }

  private acquire(limitMb: number): Worker {
    const [warm] = this.idle.keys();
    if (warm) {
      clearTimeout(this.idle.get(warm));
      this.idle.delete(warm);
      warm.ref();
      return warm;
    }
    return new Worker(this.threadFile, { resourceLimits: { maxOldGenerationSizeMb: limitMb } });
  }

  private release(thread: Worker): void {
    thread.unref();
    const timer = setTimeout(() => {
      this.idle.delete(thread);
      void thread.terminate();
    }, IDLE_TIMEOUT_MS).unref();
    this.idle.set(thread, timer);
  }
}

/** Sends one request; rejects if the thread dies first (RESOURCE_LIMIT when out of memory) or the signal aborts. */
function request(thread: Worker, message: ParsingRequest, limitMb: number, signal?: AbortSignal): Promise<ParsingMessage> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const settle = (finish: () => void) => {
      thread.off('message', onMessage).off('error', onError).off('exit', onExit);
      signal?.removeEventListener('abort', onAbort);
      finish();
    };
    const onMessage = (answer: ParsingMessage) => settle(() => resolve(answer));
    const onError = (error: Error) =>
      settle(() => reject(isOutOfMemoryError(error) ? new ResourceLimitError('document parsing', limitMb) : error));
    const onExit = (code: number) => settle(() => reject(new Error(`the parsing thread exited with code ${code}`)));
    const onAbort = () => settle(() => reject(signal?.reason));
    thread.on('message', onMessage).on('error', onError).on('exit', onExit);
    signal?.addEventListener('abort', onAbort, { once: true });
    thread.postMessage(message);
  });
}
