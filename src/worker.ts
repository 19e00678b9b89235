import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from './infra/config/app-config.js';
import { closeOnSignals, runEntryPoint } from './infra/process-lifecycle.js';
import { startRuntime } from './infra/runtime.js';
import { WorkerModule } from './worker.module.js';

/** Workers only, no HTTP: serves WORKER_QUEUES (default: all). */
await runEntryPoint(async () => {
  const config = loadConfig({ ...process.env, RUN_WORKERS: 'true' });
  const runtime = await startRuntime(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  closeOnSignals(app, runtime);
  process.stdout.write(
    `worker ready: queues ${config.queue.workerQueues.join(', ')}; redis ${runtime.redis.url} (${runtime.redis.source}); ` +
      `database ${runtime.database.source}\n`,
  );
});
