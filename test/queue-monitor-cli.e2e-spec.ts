import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { WorkerRunner } from '../src/infra/queue/worker-runner.service.js';
import { loginAdmin } from './support/auth.js';
import { BUILD_DIR, compileForProcesses, PROJECT_ROOT } from './support/compiled-src.js';
import { freePort } from './support/private-redis.js';
import type { TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';
import { createMonitorTestApp } from './fixtures/queue-monitor/monitor-test-app.js';
import { FailJob, MONITOR_TEST_QUEUE, SucceedJob } from './fixtures/queue-monitor/monitor-test.jobs.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs scripts/rq_status.sh on the compiled CLI of this tree (RQ_STATUS_CLI), with the given environment. */
function rqStatus(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('bash', [join(PROJECT_ROOT, 'scripts/rq_status.sh'), ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        RQ_STATUS_CLI: join(BUILD_DIR, 'src/queue-monitor/rq-status.cli.js'),
        LOG_LEVEL: 'silent',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('scripts/rq_status.sh (e2e)', () => {
  let t: TestApp;
  let env: Record<string, string>;

  beforeAll(async () => {
    await compileForProcesses();
    t = await createMonitorTestApp();
    env = { REDIS_URL: 'redis://127.0.0.1:6379/0', QUEUE_PREFIX: t.config.queue.prefix };
    const tasks = t.app.get(TaskQueueService);
    const jobs = [
      await tasks.enqueue(SucceedJob, { value: 'cli 1' }),
      await tasks.enqueue(SucceedJob, { value: 'cli 2' }),
      await tasks.enqueue(FailJob, { message: 'cli failure' }),
    ];
    const queue = tasks.queue(MONITOR_TEST_QUEUE);
    await waitFor(async () => {
      const states = await Promise.all(jobs.map((j) => queue.getJobState(j.job_id)));
      return states.every((s) => s === 'completed' || s === 'failed');
    });
  });
  afterAll(async () => t?.close());

  it('prints the same counts and workers as the API, as JSON with --json', async () => {
    const run = await rqStatus(['--json'], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(run.stdout);
    const admin = await loginAdmin(t);
    const api = await t.http().get('/api/v1/rq/queues/stats').set('authorization', `Bearer ${admin}`).expect(200);
    expect(report.stats).toEqual(api.body.data.queues);
    expect(report.stats[MONITOR_TEST_QUEUE]).toMatchObject({ finished: 2, failed: 1, total: 3 });
    expect(report.queues).toContain(MONITOR_TEST_QUEUE);
    const mine = report.workers.find((w: { name: string }) => w.name === t.app.get(WorkerRunner).workerName);
    expect(mine).toMatchObject({ state: 'idle', queues: expect.arrayContaining([MONITOR_TEST_QUEUE]), current_job_id: null });
  });

  it('prints the original text report', async () => {
    const run = await rqStatus([], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`  ${MONITOR_TEST_QUEUE}:\n    waiting:   0\n    started:   0\n    finished:  2\n    failed:    1`);
    expect(run.stdout).toContain(`    total:     3`);
    expect(run.stdout).toContain(t.app.get(WorkerRunner).workerName!);
    expect(run.stdout).toMatch(/current job: none/);
  });

  it('exits 1 with a clear message when Redis does not answer', async () => {
    const port = await freePort();
    const run = await rqStatus([], { REDIS_URL: `redis://127.0.0.1:${port}/0` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Redis at redis://127.0.0.1:${port}/0 does not answer`);
    expect(run.stdout).toBe('');
  });

  it('refuses unknown arguments with exit 2', async () => {
    const run = await rqStatus(['--yaml'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage: rq_status.sh \[--json\]/);
  });
});
