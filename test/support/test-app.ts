import { rm } from 'node:fs/promises';
import { type DynamicModule, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { configureHttpApp } from '../../src/http-app.js';
import { type AppConfig, loadConfig } from '../../src/infra/config/app-config.js';
import { TaskQueueService } from '../../src/infra/queue/task-queue.service.js';
import { settleWithin } from '../../src/infra/redis/close-quietly.js';
import { type Runtime, startRuntime } from '../../src/infra/runtime.js';
import { requireRedis } from './require-redis.js';
import { ownServerDatabase } from './server-database.js';
import { testEnv } from './test-env.js';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  runtime: Runtime;
  /** supertest bound to the app's HTTP server. */
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** The root module (default: the whole API). */
  rootModule?: (runtime: Runtime) => DynamicModule;
  /** Cleanup of the test's own Redis keys or rows, before the app closes. */
  beforeClose?: (app: INestApplication) => Promise<void>;
}

/**
 * Boots the whole API (workers in-process unless RUN_WORKERS=false) against real Redis and an in-memory PGlite, or,
 * with TEST_DATABASE_URL, a database of its own on that server (dropped at close).
 */
export async function createTestApp(overrides: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  await requireRedis();
  const database = await ownServerDatabase(overrides);
  const config = loadConfig(testEnv({ ...database.env, ...overrides }));
  const runtime = await startRuntime(config).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const app = await bootApp(runtime, options).catch(async (error: unknown) => {
    await runtime.pool.end();
    await runtime.stopEmbedded();
    await database.drop();
    throw error;
  });
  return {
    app,
    config,
    runtime,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await options.beforeClose?.(app);
      const queues = app.get(TaskQueueService).allQueues();
      await settleWithin(Promise.all(queues.map((q) => q.obliterate({ force: true }))), 3000);
      await app.close();
      await runtime.stopEmbedded();
      await database.drop();
      await rm(config.dataDir, { recursive: true, force: true });
    },
  };
}

async function bootApp(runtime: Runtime, options: TestAppOptions): Promise<INestApplication> {
  // Imported only when used: importing the feature modules declares their jobs, which a test's own root module
  // (with its own processors) must not have to handle.
  const rootModule = options.rootModule ?? (await wholeApi());
  const moduleRef = await Test.createTestingModule({ imports: [rootModule(runtime)] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureHttpApp(app, runtime.config);
  await app.init();
  return app;
}

/** The whole API's root module, imported only when used (see createTestApp). */
async function wholeApi(): Promise<(runtime: Runtime) => DynamicModule> {
  const { AppModule } = await import('../../src/app.module.js');
  return (runtime) => AppModule.forRoot(runtime);
}
