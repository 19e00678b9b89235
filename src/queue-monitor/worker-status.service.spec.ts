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

  it('shows a remote worker (kind remote): its token name, pool, the queues it asked for and its live leases, never a token', async () => {
    const lease = (jobId: string, leasedAt: number, expiresAt: number) =>
      JSON.stringify({ job_id: jobId, queue: 'kg_extraction', leased_at: new Date(leasedAt).toISOString(), lease_expires_at: new Date(expiresAt).toISOString() });
    const remote = {
      ...hash('remote.11111111-2222-3333-4444-555555555555', 1000, 'idle', ''),
      kind: 'remote',
      queues: '["vectorization","kg_extraction"]',
      pools: '["gpu"]',
      heartbeat_interval_ms: '60000',
      token_id: '11111111-2222-3333-4444-555555555555',
      token_name: 'office box',
      user_id: '',
      'lease:aaaaaaaa-0000-0000-0000-000000000001': lease('file:x:graph', NOW - 5000, NOW + 55_000),
      'lease:aaaaaaaa-0000-0000-0000-000000000002': lease('file:y:graph', NOW - 2000, NOW + 58_000),
      // Ran out (the worker lost it): not among its leases.
      'lease:aaaaaaaa-0000-0000-0000-000000000003': lease('file:z:graph', NOW - 90_000, NOW - 30_000),
    };
    const repository = {
      workerHashes: async () => [hash('local', 100), remote],
      deleteWorker: async () => undefined,
    } as unknown as QueueMonitorRepository;

    const { workers } = await new WorkerStatusService(repository, config).workers(NOW);

    expect(workers.map((w) => [w.name, w.kind])).toEqual([
      ['local', 'local'],
      ['remote.11111111-2222-3333-4444-555555555555', 'remote'],
    ]);
    expect(workers[0].remote).toBeNull();
    expect(workers[1]).toMatchObject({
      state: 'busy',
      queues: ['vectorization', 'kg_extraction'],
      pools: ['gpu'],
      current_job_id: 'file:y:graph',
      remote: { token_id: '11111111-2222-3333-4444-555555555555', token_name: 'office box', user_id: null },
    });
    expect(workers[1].remote?.leases.map((l) => l.job_id)).toEqual(['file:x:graph', 'file:y:graph']);
  });

  it('shows a remote worker without a live lease as idle, and dead after two silent intervals', async () => {
    const remote = (name: string, silentMs: number) => ({ ...hash(name, silentMs, 'busy', '9'), kind: 'remote', token_id: name, token_name: name });
    const repository = {
      workerHashes: async () => [remote('quiet', 500), remote('silent', 2500)],
      deleteWorker: async () => undefined,
    } as unknown as QueueMonitorRepository;
    const { workers } = await new WorkerStatusService(repository, config).workers(NOW);
    expect(workers.map((w) => [w.name, w.state, w.current_job_id])).toEqual([
      ['quiet', 'idle', null],
      ['silent', 'dead', null],
    ]);
  });
});
