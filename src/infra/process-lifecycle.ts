import { type INestApplicationContext, Logger } from '@nestjs/common';
import { maskCredentials } from '../common/text/mask-credentials.js';
import { ConfigError } from './config/config-error.js';
import { MaskedConsoleLogger } from './masked-console-logger.js';
import { MissingPgvectorError } from './database/migrations.js';
import { type Runtime } from './runtime.js';
import { flushTraces } from './telemetry/tracing-state.js';

/** Runs an entry point; a known start-up failure ends the process with exit 1 and one clear line. */
export async function runEntryPoint(start: () => Promise<void>): Promise<void> {
  Logger.overrideLogger(new MaskedConsoleLogger());
  try {
    await start();
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof MissingPgvectorError;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(maskCredentials(`${known ? message : `Startup failed: ${message}`}\n`));
    process.exit(1);
  }
}

/**
 * SIGTERM / SIGINT: close Nest (workers stop taking jobs and finish running ones within the grace period, then every
 * connection closes), stop embedded servers this process started, exit 0.
 */
export function closeOnSignals(app: INestApplicationContext, runtime: Runtime): void {
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    try {
      // Workers first, while every module their jobs use is still open: Nest destroys modules (the extraction
      // thread pool among them) before its shutdown hooks run.
      // Imported here, not at the top: an entry point's first lines (the runtime's start) need not wait for BullMQ.
      const { WorkerRunner } = await import('./queue/worker-runner.service.js');
      await app.get(WorkerRunner).drain();
      await app.close();
      await runtime.stopEmbedded();
      await flushTraces();
      process.exit(0);
    } catch (error) {
      process.stderr.write(maskCredentials(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`));
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}
