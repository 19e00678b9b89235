import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { maskCredentials } from '../../common/text/mask-credentials.js';
import { loadConfig } from '../../infra/config/app-config.js';
import { TaskQueueService } from '../../infra/queue/task-queue.service.js';
import { createRedisClient } from '../../infra/redis/redis-client.js';
import { configuredEndpoint } from '../../infra/redis/redis-resolver.js';
import { MonitoredQueues } from '../monitored-queues.js';
import { type MigratableState } from './job-mover.js';
import { MigrationService } from './migration.service.js';
import { MIGRATABLE_STATES } from './dto/start-migration.dto.js';

const USAGE =
  'usage: rq_migrate.sh --queue <name> --from <shard> [--to <shard>] [--to-queue <name>] [--states waiting,delayed,failed] [--limit N] [--json]\n';

/**
 * `node dist/queue-monitor/migrations/rq-migrate.cli.js …` (wrapped by scripts/rq_migrate.sh): the same migration as
 * POST /rq/migrations, run in this process until done, printing progress. Safe to stop (Ctrl-C) and run again: a
 * rerun resumes the jobs a stopped run held. Exit 0 when done, 1 on an error, 2 on bad arguments.
 */
async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        queue: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'to-queue': { type: 'string' },
        states: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const states = (values.states ?? MIGRATABLE_STATES.join(',')).split(',') as MigratableState[];
  const limit = Number(values.limit ?? 1_000_000);
  if (!values.queue || !values.from || states.some((s) => !MIGRATABLE_STATES.includes(s)) || !Number.isInteger(limit) || limit < 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig();
  // The progress lines are this CLI's output; the service's own log lines only for problems.
  Logger.overrideLogger(['warn', 'error']);
  const endpoint = configuredEndpoint(config) ?? { kind: 'url', url: `redis://127.0.0.1:${config.redis.port}/${config.redis.db}` };
  const redis = createRedisClient(endpoint, { maxRetriesPerRequest: 2 }) as Redis;
  redis.on('error', () => undefined);
  const tasks = new TaskQueueService(config, endpoint);
  const migrations = new MigrationService(tasks, new MonitoredQueues(tasks, redis, config), redis, config);
  const stop = () => void migrations.onApplicationShutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await waitUntil(() => tasks.shards.all.every((shard) => shard.available) && redis.status === 'ready', 5000);
    const { migration_id } = await migrations.start({
      queue: values.queue,
      from_shard: values.from,
      to_shard: values.to ?? values.from,
      to_queue: values['to-queue'] ?? values.queue,
      states,
      limit,
    });
    const ticker = setInterval(() => {
      void migrations.progress(migration_id).then((p) => {
        if (!values.json) process.stderr.write(`moved ${p.moved}, skipped ${p.skipped}, failed ${p.failed}\n`);
      });
    }, 1000);
    await migrations.whenDone(migration_id);
    clearInterval(ticker);
    const result = await migrations.progress(migration_id);
    process.stdout.write(
      values.json
        ? `${JSON.stringify(result, null, 2)}\n`
        : `migration ${migration_id}: moved ${result.moved}, skipped ${result.skipped}, failed ${result.failed}${result.error ? ` (stopped: ${result.error})` : ''}\n`,
    );
    return result.error ? 1 : 0;
  } finally {
    await tasks.onApplicationShutdown();
    await redis.quit().catch(() => redis.disconnect());
  }
}

/** Waits (bounded) for the connections to come up: the start check answers 503 for a shard still connecting. */
async function waitUntil(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(maskCredentials(`rq_migrate failed: ${error instanceof Error ? error.message : String(error)}\n`));
    process.exit(1);
  },
);
