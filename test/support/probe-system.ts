import { type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { type AppConfig } from '../../src/infra/config/app-config.js';
import { TaskQueueService } from '../../src/infra/queue/task-queue.service.js';
import { type Runtime } from '../../src/infra/runtime.js';
import { ProbeAppModule } from '../fixtures/probe/probe.module.js';
import { createTestApp } from './test-app.js';

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
export async function startProbeSystem(
  overrides: Record<string, string> = {},
  rootModule: (runtime: Runtime) => DynamicModule = (runtime) => ProbeAppModule.forRoot(runtime),
): Promise<ProbeSystem> {
  const usedKeys = new Set<string>();
  const t = await createTestApp(overrides, {
    rootModule,
    beforeClose: async (app) => {
      if (usedKeys.size) await app.get(Redis).del(...usedKeys);
    },
  });
  const redis = t.app.get(Redis);
  return {
    app: t.app,
    config: t.config,
    runtime: t.runtime,
    tasks: t.app.get(TaskQueueService),
    redis,
    events: (runKey) => {
      usedKeys.add(`probe:${runKey}`);
      return redis.lrange(`probe:${runKey}`, 0, -1);
    },
    close: () => t.close(),
  };
}
