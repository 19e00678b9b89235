import { maskCredentials } from './common/text/mask-credentials.js';
import { type Runtime } from './infra/runtime.js';

/** The one start-up banner: where everything is (credentials in URLs masked). */
export function printBanner(runtime: Runtime, url: string): void {
  const base = url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost').replace('127.0.0.1', 'localhost');
  const { config, redis, database } = runtime;
  const databaseLine =
    database.source === 'configured'
      ? 'PostgreSQL at DATABASE_URL'
      : `embedded PGlite (${config.dataDir}/pgdata), shared on ${database.url}`;
  const admin =
    config.auth.adminEmail && config.auth.adminPassword
      ? `${config.auth.adminEmail} (from ADMIN_EMAIL / ADMIN_PASSWORD)`
      : config.isProduction
        ? 'none ensured (set ADMIN_EMAIL and ADMIN_PASSWORD)'
        : `see ${config.dataDir}/admin-credentials (created on first start)`;
  const workers = config.queue.runWorkers ? config.queue.workerQueues.join(', ') : 'none (RUN_WORKERS=false)';
  const lines = [
    '',
    `  API        ${base}/api/v1`,
    `  Swagger    ${base}/docs   (JSON: ${base}/docs-json)`,
    `  Health     ${base}/health/ready`,
    `  Redis      ${redis.url} (${redis.source})`,
    `  Database   ${databaseLine}`,
    `  Workers    ${workers}`,
    `  Admin      ${admin}`,
    '',
  ];
  process.stdout.write(maskCredentials(lines.join('\n')) + '\n');
}
