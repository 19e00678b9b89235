import 'reflect-metadata';
import { printBanner } from './banner.js';
import { loadConfig } from './infra/config/app-config.js';
import { closeOnSignals, runEntryPoint } from './infra/process-lifecycle.js';
import { startRuntime } from './infra/runtime.js';

/** The HTTP API (and, with RUN_WORKERS=true, the default, every processor in-process). */
await runEntryPoint(async () => {
  const config = loadConfig();
  // Nest and the app's modules (seconds to load) load while Redis and the database start; a first start's initdb
  // runs in a child process meanwhile.
  const [runtime, { NestFactory }, { Logger }, { AppModule }, { configureHttpApp }] = await Promise.all([
    startRuntime(config),
    import('@nestjs/core'),
    import('nestjs-pino'),
    import('./app.module.js'),
    import('./http-app.js'),
  ]);
  const app = await NestFactory.create(AppModule.forRoot(runtime), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureHttpApp(app, config);
  await app.listen(config.http.port, config.http.host);
  closeOnSignals(app, runtime);
  printBanner(runtime, await app.getUrl());
});
