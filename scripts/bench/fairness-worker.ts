/**
 * The fairness bench's worker process: the infrastructure plus one bench-only processor whose job sleeps `ms`
 * (a no-op-like job of fixed duration). Started by scripts/bench/fairness.ts; never part of the product.
 */
import 'reflect-metadata';
import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { InfraModule } from '../../src/infra/infra.module.js';
import { closeOnSignals, runEntryPoint } from '../../src/infra/process-lifecycle.js';
import { QueueName } from '../../src/infra/queue/queue-names.js';
import { type JobContext, QueueProcessor, type TypedJob, unknownJob } from '../../src/infra/queue/queue-processor.js';
import { startRuntime, type Runtime } from '../../src/infra/runtime.js';
import { type BenchSleepJobs } from './fairness-jobs.js';

@Injectable()
class BenchSleepProcessor extends QueueProcessor<BenchSleepJobs> {
  readonly queueName = QueueName.MemoryConsolidation;
  readonly jobNames = ['bench-sleep'] as const;

  async process(job: TypedJob<BenchSleepJobs>, _context: JobContext): Promise<unknown> {
    switch (job.name) {
      case 'bench-sleep':
        return new Promise((resolve) => setTimeout(() => resolve('done'), job.data.ms));
      default:
        return unknownJob(job.name);
    }
  }
}

@Module({})
class BenchWorkerModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return { module: BenchWorkerModule, imports: [InfraModule.forRoot(runtime)], providers: [BenchSleepProcessor] };
  }
}

await runEntryPoint(async () => {
  const config = loadConfig({ ...process.env, RUN_WORKERS: 'true', WORKER_QUEUES: QueueName.MemoryConsolidation });
  const runtime = await startRuntime(config);
  const app = await NestFactory.createApplicationContext(BenchWorkerModule.forRoot(runtime), { logger: false });
  await app.init();
  closeOnSignals(app, runtime);
  process.stdout.write('bench worker ready\n');
});
