import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { RevokeUserSessionsJob } from '../src/auth/auth.jobs.js';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { PROJECT_ROOT } from './support/compiled-src.js';
import { type ProbeSystem, startProbeSystem } from './support/probe-system.js';
import { waitFor } from './support/wait-for.js';

const SCRIPT = join(PROJECT_ROOT, 'scripts/start_rq_worker.sh');
// Two queues: a log file of this test's own (logs/rq_worker_<queues>.log).
const QUEUES = [QueueName.TokenRevocation, QueueName.MemoryConsolidation];
const LOG = join(PROJECT_ROOT, `logs/rq_worker_${QUEUES.join('_')}.log`);

describe('scripts/start_rq_worker.sh restarts a recycled worker', () => {
  let system: ProbeSystem;

  beforeAll(async () => {
    system = await startProbeSystem({ RUN_WORKERS: 'false' });
    rmSync(LOG, { force: true });
  });
  afterAll(async () => system.close());

  it('starts a new worker when one exits 0 after WORKER_MAX_JOBS, and stops for good on SIGTERM', async () => {
    const child = spawn('bash', [SCRIPT, ...QUEUES], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        REDIS_URL: system.runtime.redis.url,
        DATABASE_URL: system.runtime.database.url,
        QUEUE_PREFIX: system.config.queue.prefix,
        DATA_DIR: system.config.dataDir,
        JWT_SECRET: 'x'.repeat(32),
        WORKER_MAX_JOBS: '1',
        WORKER_CONCURRENCY: '1',
      },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const log = () => (existsSync(LOG) ? readFileSync(LOG, 'utf8') : '');
    await waitFor(() => /worker ready/.test(log()), 120_000);

    const ids: string[] = [];
    for (let i = 0; i < 2; i += 1) ids.push((await system.tasks.enqueue(RevokeUserSessionsJob, { user_id: randomUUID() })).job_id);
    await waitFor(async () => {
      const states = await Promise.all(ids.map(async (id) => (await system.tasks.getJob(QueueName.TokenRevocation, id))?.getState()));
      return states.every((state) => state === 'completed');
    }, 60_000);
    // One job per worker: the second job ran in the worker started after the first one recycled.
    expect(log().match(/worker exited 0 \(recycled\); starting a new one/g)?.length).toBeGreaterThanOrEqual(1);
    await waitFor(() => (log().match(/worker ready/g)?.length ?? 0) >= 2, 60_000);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 180_000);
});
