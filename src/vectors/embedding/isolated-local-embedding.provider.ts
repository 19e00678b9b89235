import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ResourceLimitError } from '../../infra/queue/resource-limit.error.js';
import { EmbeddingDimensionMismatchError, EmbeddingProviderError } from '../vectors.errors.js';
import { type EmbeddingProvider } from './embedding-provider.js';
import type { EmbeddingReply } from './local-embedding.protocol.js';
import { type LocalEmbeddingOptions } from './local-embedding.provider.js';

// How often a busy child's resident memory is read; an idle child (model loaded) waits this long for more work.
const WATCH_INTERVAL_MS = 100;
const IDLE_TIMEOUT_MS = 60_000;

/**
 * The local ONNX model run in child processes, one per batch being embedded and reused while warm: ONNX Runtime's
 * memory is native, out of reach of a worker thread's heap limit, so the cap (JOB_MAX_MEMORY_MB) is on the child's
 * resident memory, read every 100 ms while it works. A child over the cap is killed and its job fails for good with
 * RESOURCE_LIMIT; the worker process and its other jobs carry on.
 */
export class IsolatedLocalEmbeddingProvider implements EmbeddingProvider {
  readonly model: string;
  readonly dimension: number;
  readonly cacheable = true;
  private readonly idle = new Map<ChildProcess, NodeJS.Timeout>();
  private nextId = 0;

  constructor(
    private readonly options: LocalEmbeddingOptions,
    private readonly memoryLimitMb: number,
    private readonly childFile = IsolatedLocalEmbeddingProvider.compiledChildFile(),
  ) {
    this.model = options.model;
    this.dimension = options.dimension;
  }

  /** The compiled child entry next to this file (absent when the TypeScript sources run under Jest). */
  static compiledChildFile(): string {
    return fileURLToPath(new URL('./local-embedding.child.js', import.meta.url));
  }

  static available(): boolean {
    return existsSync(IsolatedLocalEmbeddingProvider.compiledChildFile());
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    signal?.throwIfAborted();
    const child = this.acquire();
    const reply = await this.send(child, texts, signal).catch((error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    });
    this.release(child);
    if ('vectors' in reply) return reply.vectors;
    const { message, retryable, dimension } = reply.error;
    if (dimension) throw new EmbeddingDimensionMismatchError(this.model, dimension.expected, dimension.actual);
    throw new EmbeddingProviderError(message, retryable ?? true);
  }

  /** Ends the idle children (busy ones end with their batch or with the process). */
  close(): void {
    for (const [child, timer] of this.idle) {
      clearTimeout(timer);
      child.kill();
    }
    this.idle.clear();
  }

  private send(child: ChildProcess, texts: string[], signal?: AbortSignal): Promise<EmbeddingReply> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const watch = setInterval(() => {
        if (residentMb(child.pid) > this.memoryLimitMb) {
          settle(() => reject(new ResourceLimitError('local embedding', this.memoryLimitMb)));
        }
      }, WATCH_INTERVAL_MS);
      const settle = (finish: () => void) => {
        clearInterval(watch);
        child.off('message', onMessage).off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        finish();
      };
      const onMessage = (reply: EmbeddingReply) => {
        if (reply.id === id) settle(() => resolve(reply));
      };
      const onExit = (code: number | null, exitSignal: string | null) =>
        settle(() =>
          // V8 aborts a process that reaches its heap limit.
          reject(
            exitSignal === 'SIGABRT' || code === 134
              ? new ResourceLimitError('local embedding', this.memoryLimitMb)
              : new EmbeddingProviderError(`the local embedding process exited (${exitSignal ?? code})`, true),
          ),
        );
      const onAbort = () => settle(() => reject(signal?.reason));
      child.on('message', onMessage).on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        child.send({ id, texts });
      } catch (error) {
        settle(() => reject(error as Error));
      }
    });
  }

  private acquire(): ChildProcess {
    const [warm] = this.idle.keys();
    if (warm) {
      clearTimeout(this.idle.get(warm));
      this.idle.delete(warm);
      warm.ref();
      warm.channel?.ref();
      return warm;
    }
    const child = fork(this.childFile, [JSON.stringify(this.options)], {
      // The V8 heap of the child is capped too (tokenizing a huge batch), not only its native memory.
      execArgv: [`--max-old-space-size=${this.memoryLimitMb}`],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('exit', () => {
      clearTimeout(this.idle.get(child));
      this.idle.delete(child);
    });
    return child;
  }

  private release(child: ChildProcess): void {
    // An idle child does not keep this process alive.
    child.unref();
    child.channel?.unref();
    const timer = setTimeout(() => {
      this.idle.delete(child);
      child.kill();
    }, IDLE_TIMEOUT_MS).unref();
    this.idle.set(child, timer);
  }
}

/** Resident memory of a process in MiB (Linux /proc; 0 where it cannot be read, so no cap there). */
function residentMb(pid: number | undefined): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
