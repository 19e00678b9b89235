import { type AppConfig } from '../infra/config/app-config.js';
import { type QueueMonitorRepository } from './queue-monitor.repository.js';
import { WorkerStatusService } from './worker-status.service.js';

const NOW = Date.parse('2026-11-28T12:00:00.000Z');
const config = { queue: { prefix: 'bull' } } as AppConfig;

function hash(name: string, silentMs: number, state = 'busy', current = '7', prefix = 'bull'): Record<string, string> {
  return {
    name,
    queue_prefix: prefix,
    state,
    queues: '["file_processing"]',
    current_job_id: current,
    birth_date: '2026-11-28T11:00:00.000Z',
    last_heartbeat: new Date(NOW - silentMs).toISOString(),
    heartbeat_interval_ms: '1000',
    successful_job_count: '3',
    failed_job_count: '1',
    total_working_time_ms: '1200',
    pid: '42',
    hostname: 'host',
  };
}

describe('WorkerStatusService', () => {
  it('shows a worker live until two heartbeats are missed, dead after, and prunes it after four', async () => {
    const deleted: string[] = [];
    const repository = {
      workerHashes: async () => [hash('live', 1500), hash('dead', 2500), hash('gone', 4500)],
      deleteWorker: async (name: string) => void deleted.push(name),
    } as unknown as QueueMonitorRepository;

    const { workers, count } = await new WorkerStatusService(repository, config).workers(NOW);

    expect(count).toBe(2);
    expect(workers.map((w) => [w.name, w.state])).toEqual([
      ['dead', 'dead'],
      ['live', 'busy'],
    ]);
    expect(workers[1]).toMatchObject({
      queues: ['file_processing'],
      current_job_id: '7',
      successful_job_count: 3,
      failed_job_count: 1,
      total_working_time_ms: 1200,
    });
    expect(deleted).toEqual(['gone']);
  });

  it("leaves out workers of another system sharing the Redis (another QUEUE_PREFIX)", async () => {
    const repository = {
      workerHashes: async () => [hash('ours', 100), hash('theirs', 100, 'busy', '7', 'other')],
      deleteWorker: async () => undefined,
    } as unknown as QueueMonitorRepository;
    const { workers } = await new WorkerStatusService(repository, config).workers(NOW);
    expect(workers.map((w) => w.name)).toEqual(['ours']);
  });

  it('shows an idle worker without a current job', async () => {
    const repository = {
      workerHashes: async () => [hash('idle', 100, 'idle', '')],
      deleteWorker: async () => undefined,
    } as unknown as QueueMonitorRepository;
    const { workers } = await new WorkerStatusService(repository, config).workers(NOW);
    expect(workers[0]).toMatchObject({ state: 'idle', current_job_id: null });
  });
});
