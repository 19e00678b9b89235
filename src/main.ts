import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { printBanner } from './banner.js';
import { configureHttpApp } from './http-app.js';
import { loadConfig } from './infra/config/app-config.js';
import { closeOnSignals, runEntryPoint } from './infra/process-lifecycle.js';
import { startRuntime } from './infra/runtime.js';

/** The HTTP API (and, with RUN_WORKERS=true, the default, every processor in-process). */
await runEntryPoint(async () => {
  const config = loadConfig();
  const runtime = await startRuntime(config);
  const app = await NestFactory.create(AppModule.forRoot(runtime), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureHttpApp(app, config);
  await app.listen(config.http.port, config.http.host);
  closeOnSignals(app, runtime);
  printBanner(runtime, await app.getUrl());
});
