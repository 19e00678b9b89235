import { canTake, poolService } from './pool-workers.js';
import { type WorkerView } from './worker-status.service.js';

function worker(name: string, options: { userId?: string | null; remote?: boolean; dead?: boolean; pool?: string } = {}): WorkerView {
  const remote = options.remote ?? options.userId !== undefined;
  return {
    name,
    state: options.dead ? 'dead' : 'idle',
    kind: remote ? 'remote' : 'local',
    remote: remote ? { token_id: name, token_name: name, user_id: options.userId ?? null, leases: [] } : null,
    queues: ['vectorization'],
    pools: [options.pool ?? 'gpu'],
    queue_prefix: 'bull',
    current_job_id: null,
    current_job_started_at: null,
    birth_date: '2026-11-28T11:00:00.000Z',
    last_heartbeat: '2026-11-28T11:00:00.000Z',
    heartbeat_interval_ms: 1000,
    successful_job_count: 0,
    failed_job_count: 0,
    total_working_time_ms: 0,
    pid: 1,
    hostname: 'host',
    rss_bytes: 0,
  };
}

describe('pool workers', () => {
  it("a pool served only by a token bound to one user takes that user's jobs, nobody else's", () => {
    const service = poolService([worker('bound', { userId: 'alice' })], 'vectorization', 'gpu');
    expect(service.workers).toBe(1);
    expect(canTake(service, 'alice')).toBe(true);
    expect(canTake(service, 'bob')).toBe(false);
    expect(canTake(service, null)).toBe(false);
  });

  it("an in-house worker or an unbound token of the pool takes anyone's jobs", () => {
    for (const any of [worker('local'), worker('unbound', { remote: true })]) {
      const service = poolService([worker('bound', { userId: 'alice' }), any], 'vectorization', 'gpu');
      expect([canTake(service, 'bob'), canTake(service, null)]).toEqual([true, true]);
    }
  });

  it('dead workers and workers of other pools serve nobody', () => {
    const service = poolService([worker('dead', { dead: true }), worker('elsewhere', { pool: 'default' })], 'vectorization', 'gpu');
    expect(service.workers).toBe(0);
    expect(canTake(service, 'alice')).toBe(false);
  });
});
