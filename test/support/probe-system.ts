import { rm } from 'node:fs/promises';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { AppConfig, loadConfig } from '../../src/infra/config/app-config.js';
import { TaskQueueService } from '../../src/infra/queue/task-queue.service.js';
import { settleWithin } from '../../src/infra/redis/close-quietly.js';
import { Runtime, startRuntime } from '../../src/infra/runtime.js';
import { ProbeAppModule } from '../fixtures/probe/probe.module.js';
import { requireRedis } from './require-redis.js';
import { testEnv } from './test-env.js';

export interface ProbeSystem {
  app: INestApplicationContext;
  config: AppConfig;
  runtime: Runtime;
  tasks: TaskQueueService;
  redis: Redis;
  /** Events recorded by probe jobs of one run key, e.g. ["123:start", "123:done"]. */
  events(runKey: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The queue foundation with the probe processor in-process (RUN_WORKERS=false for a producer only). */
export async function startProbeSystem(overrides: Record<string, string> = {}): Promise<ProbeSystem> {
  await requireRedis();
  const config = loadConfig(testEnv(overrides));
  const runtime = await startRuntime(config);
  const app = await NestFactory.createApplicationContext(ProbeAppModule.forRoot(runtime), { logger: false });
  await app.init();
  const redis = app.get(Redis);
  const tasks = app.get(TaskQueueService);
  const usedKeys = new Set<string>();
  return {
    app,
    config,
    runtime,
    tasks,
    redis,
    events: (runKey) => {
      usedKeys.add(`probe:${runKey}`);
      return redis.lrange(`probe:${runKey}`, 0, -1);
    },
    close: async () => {
      if (usedKeys.size) await redis.del(...usedKeys);
      await settleWithin(Promise.all(tasks.allQueues().map((q) => q.obliterate({ force: true }))), 3000);
      await app.close();
      await runtime.stopEmbedded();
      await rm(config.dataDir, { recursive: true, force: true });
    },
  };
}
