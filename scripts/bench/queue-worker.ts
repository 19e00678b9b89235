/**
 * The queue bench's worker process, started by scripts/bench/queue.ts: `ours` runs the infrastructure (WorkerRunner:
 * registry, job timeout, stall ledger, fair-share hooks, one log line a job through pino) with one no-op processor,
 * started as src/worker.ts starts a worker; `raw` runs a plain BullMQ Worker with a no-op function. Both serve
 * memory_consolidation at WORKER_CONCURRENCY under QUEUE_PREFIX (`raw-options`: with the worker options WorkerRunner
 * sets) and tell the parent "ready" over IPC. Never part of the product.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MetricsTime, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { InfraModule } from '../../src/infra/infra.module.js';
import { closeOnSignals, runEntryPoint } from '../../src/infra/process-lifecycle.js';
import { QueueName } from '../../src/infra/queue/queue-names.js';
import { type JobContext, QueueProcessor, type TypedJob, unknownJob } from '../../src/infra/queue/queue-processor.js';
import { WorkerRunner } from '../../src/infra/queue/worker-runner.service.js';
import { startRuntime, type Runtime } from '../../src/infra/runtime.js';
import { type BenchNoopJobs } from './queue-jobs.js';

@Injectable()
class BenchNoopProcessor extends QueueProcessor<BenchNoopJobs> {
  readonly queueName = QueueName.MemoryConsolidation;
  readonly jobNames = ['bench-noop'] as const;

  async process(job: TypedJob<BenchNoopJobs>, _context: JobContext): Promise<unknown> {
    switch (job.name) {
      case 'bench-noop':
        return 'done';
      default:
        return unknownJob(job.name);
    }
  }
}

@Module({})
class BenchWorkerModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return { module: BenchWorkerModule, imports: [InfraModule.forRoot(runtime)], providers: [BenchNoopProcessor] };
  }
}

/** As src/worker.ts starts a worker: its logger (pino: the job log line is written, to /dev/null) and recycling policy. */
async function startOurs(): Promise<void> {
  const config = loadConfig({ ...process.env, RUN_WORKERS: 'true', WORKER_QUEUES: QueueName.MemoryConsolidation });
  const runtime = await startRuntime(config);
  const app = await NestFactory.createApplicationContext(BenchWorkerModule.forRoot(runtime), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  closeOnSignals(app, runtime);
  app.get(WorkerRunner).recycleWhenSpent(() => process.kill(process.pid, 'SIGTERM'));
}

/** `withOurOptions`: the worker options WorkerRunner gives BullMQ (per-minute metrics kept a week), nothing else. */
function startRaw(withOurOptions: boolean): void {
  const config = loadConfig(process.env);
  const connection = new Redis(config.redis.url ?? '', { maxRetriesPerRequest: null });
  const worker = new Worker(QueueName.MemoryConsolidation, async () => 'done', {
    connection,
    prefix: config.queue.prefix,
    concurrency: config.queue.concurrency,
    ...(withOurOptions ? { metrics: { maxDataPoints: MetricsTime.ONE_WEEK } } : {}),
  });
  process.once('SIGTERM', () => {
    void worker
      .close()
      .then(() => connection.quit())
      .finally(() => process.exit(0));
  });
}

/** queue-roundtrips --cpu-prof: the parent says when the jobs run ('profile-start') and when they are done ('profile-stop'). */
function profileOnRequest(): void {
  const session = new Session();
  session.connect();
  process.on('message', (message: unknown) => {
    if (message === 'profile-start') {
      session.post('Profiler.enable', () => session.post('Profiler.start', () => process.send?.('profiling')));
    } else if (message === 'profile-stop') {
      session.post('Profiler.stop', (error, result) => {
        if (!error) writeFileSync(process.env.BENCH_CPU_PROFILE ?? '', JSON.stringify(result.profile));
        process.send?.('profiled');
      });
    }
  });
}

await runEntryPoint(async () => {
  if (process.argv[2] === 'ours') await startOurs();
  else startRaw(process.argv[2] === 'raw-options');
  if (process.env.BENCH_CPU_PROFILE) profileOnRequest();
  process.send?.('ready');
});
