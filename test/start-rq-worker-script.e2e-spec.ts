import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { PROJECT_ROOT } from './support/compiled-src.js';
import { type ProbeSystem, startProbeSystem } from './support/probe-system.js';
import { freePort } from './support/private-redis.js';
import { waitFor } from './support/wait-for.js';

const SCRIPT = join(PROJECT_ROOT, 'scripts/start_rq_worker.sh');
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync('bash', [SCRIPT, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });

describe('scripts/start_rq_worker.sh', () => {
  it('exits 1 with the usage when no queue is named', () => {
    const result = run([]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/usage: .*<queue>/);
  });

  it('exits 1 for an unknown queue', () => {
    const result = run(['file_processing', 'nope']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('unknown queue: nope');
  });

  it('exits 1 with a clear message when Redis does not answer', async () => {
    const result = run(['vectorization'], { REDIS_URL: `redis://127.0.0.1:${await freePort()}/0` });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Redis does not answer at 127\.0\.0\.1:\d+/);
  });

  describe('with Redis and a database', () => {
    let system: ProbeSystem;
    const log = join(PROJECT_ROOT, 'logs/rq_worker_token_revocation.log');
    beforeAll(async () => {
      system = await startProbeSystem({ RUN_WORKERS: 'false' });
      rmSync(log, { force: true });
    });
    afterAll(async () => system.close());

    it('starts a worker for the queue, logging to logs/rq_worker_<queue>.log, and stops it on SIGTERM', async () => {
      const child = spawn('bash', [SCRIPT, QueueName.TokenRevocation], {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          REDIS_URL: system.runtime.redis.url,
          DATABASE_URL: system.runtime.database.url,
          QUEUE_PREFIX: system.config.queue.prefix,
          DATA_DIR: system.config.dataDir,
          JWT_SECRET: 'x'.repeat(32),
        },
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
      await waitFor(() => existsSync(log) && /worker ready: queues token_revocation/.test(readFileSync(log, 'utf8')), 120_000);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    });
  });
});
