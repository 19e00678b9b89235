import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { maskCredentials } from './common/text/mask-credentials.js';
import { loadConfig } from './infra/config/app-config.js';
import { closeOnSignals, runEntryPoint } from './infra/process-lifecycle.js';
import { startRuntime } from './infra/runtime.js';
import { WorkerRunner } from './infra/queue/worker-runner.service.js';
import { WorkerModule } from './worker.module.js';

/** Workers only, no HTTP: serves WORKER_QUEUES (default: all). */
await runEntryPoint(async () => {
  const config = loadConfig({ ...process.env, RUN_WORKERS: 'true' });
  const runtime = await startRuntime(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  closeOnSignals(app, runtime);
  // WORKER_MAX_JOBS / WORKER_MAX_MEMORY_MB: a spent worker shuts down like on SIGTERM (exit 0) to be restarted.
  app.get(WorkerRunner).recycleWhenSpent(() => process.kill(process.pid, 'SIGTERM'));
  process.stdout.write(
    maskCredentials(
      `worker ready: queues ${config.queue.workerQueues.join(', ')}; pools ${config.queue.workerPools.join(', ')}; redis ${runtime.redis.url} (${runtime.redis.source}); ` +
        `database ${runtime.database.source}\n`,
    ),
  );
});
