import 'reflect-metadata';
import { Redis } from 'ioredis';
import { maskCredentials } from '../common/text/mask-credentials.js';
import { type AppConfig, loadConfig } from '../infra/config/app-config.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { MonitoredQueues } from './monitored-queues.js';
import { QueueMonitorRepository } from './queue-monitor.repository.js';
import { QueueStatsService } from './queue-stats.service.js';
import { formatRqStatus, type RqStatusReport } from './rq-status.report.js';
import { WorkerStatusService } from './worker-status.service.js';

/**
 * `node dist/queue-monitor/rq-status.cli.js [--json]` (wrapped by scripts/rq_status.sh): the queue report from the
 * same services as GET /rq/queues/stats and /rq/workers. Exit 1 with one clear line when Redis does not answer.
 */
async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const unknown = argv.filter((arg) => arg !== '--json');
  if (unknown.length > 0) {
    process.stderr.write(`usage: rq_status.sh [--json]  (unknown: ${unknown.join(' ')})\n`);
    return 2;
  }
  const config = loadConfig();
  const url = redisUrlOf(config);
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    process.stderr.write(maskCredentials(`Redis at ${url} does not answer (${error instanceof Error ? error.message : String(error)})\n`));
    redis.disconnect();
    return 1;
  }
  const tasks = new TaskQueueService(config, url);
  try {
    const repository = new QueueMonitorRepository(redis, config);
    const stats = new QueueStatsService(new MonitoredQueues(tasks, redis), repository);
    const [{ queues }, { workers }] = await Promise.all([stats.allStats(), new WorkerStatusService(repository, config).workers()]);
    const report: RqStatusReport = { queues: stats.queueNames().queues, stats: queues, workers };
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatRqStatus(report));
    return 0;
  } finally {
    await tasks.onApplicationShutdown();
    await redis.quit().catch(() => redis.disconnect());
  }
}

/** The configured Redis (REDIS_URL, else REDIS_HOST/PORT), else the local default; never starts an embedded one. */
function redisUrlOf(config: AppConfig): string {
  const { url, host, port, db, password } = config.redis;
  if (url) return url;
  const auth = password ? `:${encodeURIComponent(password)}@` : '';
  return `redis://${auth}${host ?? '127.0.0.1'}:${port}/${db}`;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(maskCredentials(`rq_status failed: ${error instanceof Error ? error.message : String(error)}\n`));
    process.exit(1);
  },
);
