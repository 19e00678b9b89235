import 'reflect-metadata';
import type { Redis } from 'ioredis';
import { maskCredentials } from '../common/text/mask-credentials.js';
import { type AppConfig, loadConfig } from '../infra/config/app-config.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { createRedisClient } from '../infra/redis/redis-client.js';
import { describeEndpoint, type RedisEndpoint } from '../infra/redis/redis-endpoint.js';
import { configuredEndpoint } from '../infra/redis/redis-resolver.js';
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
  const endpoint = redisEndpointOf(config);
  const client = createRedisClient(endpoint, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(maskCredentials(`Redis at ${describeEndpoint(endpoint)} does not answer (${reason})\n`));
    client.disconnect();
    return 1;
  }
  // The monitor's services take the shared client under the `Redis` token: a Cluster under REDIS_CLUSTER_NODES.
  const redis = client as Redis;
  const tasks = new TaskQueueService(config, endpoint);
  try {
    const repository = new QueueMonitorRepository(client, config);
    const workerStatus = new WorkerStatusService(repository, config);
    const stats = new QueueStatsService(new MonitoredQueues(tasks, redis, config), repository, workerStatus);
    const [{ queues }, { workers }] = await Promise.all([stats.allStats(), workerStatus.workers()]);
    const report: RqStatusReport = { queues: stats.queueNames().queues, stats: queues, workers };
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatRqStatus(report));
    return 0;
  } finally {
    await tasks.onApplicationShutdown();
    await client.quit().catch(() => client.disconnect());
  }
}

/** The configured Redis (REDIS_CLUSTER_NODES, REDIS_URL, REDIS_HOST/PORT), else the local default; never an embedded one. */
function redisEndpointOf(config: AppConfig): RedisEndpoint {
  return configuredEndpoint(config) ?? { kind: 'url', url: `redis://127.0.0.1:${config.redis.port}/${config.redis.db}` };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(maskCredentials(`rq_status failed: ${error instanceof Error ? error.message : String(error)}\n`));
    process.exit(1);
  },
);
