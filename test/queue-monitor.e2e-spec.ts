import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { WorkerRunner } from '../src/infra/queue/worker-runner.service.js';
import { loginAdmin, registerAndLogin } from './support/auth.js';
import type { TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';
import { createMonitorTestApp } from './fixtures/queue-monitor/monitor-test-app.js';
import {
  BlockJob,
  FailJob,
  FlakyJob,
  MONITOR_TEST_QUEUE,
  MonitorTestSwitch,
  SucceedJob,
} from './fixtures/queue-monitor/monitor-test.jobs.js';

const Q = MONITOR_TEST_QUEUE;
const API = '/api/v1/rq';

describe('Queue monitor (e2e, real workers)', () => {
  let t: TestApp;
  let admin: string;
  let tasks: TaskQueueService;

  const get = (path: string) => t.http().get(`${API}${path}`).set('authorization', `Bearer ${admin}`);
  const post = (path: string, body: object = {}) =>
    t.http().post(`${API}${path}`).set('authorization', `Bearer ${admin}`).send(body);
  const stats = async () => (await get(`/queues/${Q}/stats`).expect(200)).body.data;
  const statusOf = async (jobId: string) => (await get(`/queues/${Q}/jobs/${jobId}`).expect(200)).body.data.status as string;
  const ended = (jobId: string) => waitFor(async () => ['finished', 'failed'].includes(await statusOf(jobId)));
  const myWorker = async () => {
    const name = t.app.get(WorkerRunner).workerName;
    const { workers } = (await get('/workers').expect(200)).body.data as { workers: { name: string }[] };
    return workers.find((w) => w.name === name) as Record<string, unknown> | undefined;
  };

  beforeAll(async () => {
    t = await createMonitorTestApp({ WORKER_CONCURRENCY: '4' });
    admin = await loginAdmin(t);
    tasks = t.app.get(TaskQueueService);
  });
  afterAll(async () => t?.close());

  it('lists the system queues', async () => {
    const res = await get('/queues').expect(200);
    expect(res.body.data.queues).toEqual(expect.arrayContaining(['file_processing', 'vectorization', 'kg_extraction']));
    expect(res.body.data.count).toBe(res.body.data.queues.length);
  });

  it('counts match what ran: finished and failed, from the stats of one queue and of all', async () => {
    const before = await stats();
    const ok = await Promise.all([1, 2, 3].map((i) => tasks.enqueue(SucceedJob, { value: `v${i}` })));
    const bad = await Promise.all([1, 2].map((i) => tasks.enqueue(FailJob, { message: `boom ${i}` })));
    await Promise.all([...ok, ...bad].map((j) => ended(j.job_id)));

    const after = await stats();
    expect(after.finished - before.finished).toBe(3);
    expect(after.failed - before.failed).toBe(2);
    expect(after.total).toBe(after.queued + after.started + after.finished + after.failed + after.scheduled + after.deferred);
    const all = (await get('/queues/stats').expect(200)).body.data.queues;
    expect(all[Q]).toMatchObject({ queue_name: Q, finished: after.finished, failed: after.failed });
    expect(Object.keys(all)).toEqual(expect.arrayContaining(['vectorization', 'kg_extraction']));
  });

  it('lists jobs per status with the original fields, and shows one job in detail', async () => {
    const ok = await tasks.enqueue(SucceedJob, { value: 'listed' });
    const bad = await tasks.enqueue(FailJob, { message: 'listed failure' });
    await Promise.all([ended(ok.job_id), ended(bad.job_id)]);

    const finished = (await get(`/queues/${Q}/jobs?status=finished&limit=100`).expect(200)).body.data;
    const mine = finished.jobs.find((j: { job_id: string }) => j.job_id === ok.job_id);
    expect(mine).toMatchObject({ name: 'monitor-succeed', status: 'finished', data: { value: 'listed' }, result: { echo: 'listed' } });
    for (const field of ['created_at', 'enqueued_at', 'started_at', 'ended_at']) expect(typeof mine[field]).toBe('string');
    expect(finished.count).toBe(finished.jobs.length);

    const failed = (await get(`/queues/${Q}/jobs?status=failed&limit=100`).expect(200)).body.data;
    const failure = failed.jobs.find((j: { job_id: string }) => j.job_id === bad.job_id);
    expect(failure).toMatchObject({ status: 'failed', result: null });
    expect(failure.exc_info).toContain('listed failure');
    expect(failed.jobs.every((j: { status: string }) => j.status === 'failed')).toBe(true);

    const detail = (await get(`/queues/${Q}/jobs/${ok.job_id}`).expect(200)).body.data;
    expect(detail).toMatchObject({
      job_id: ok.job_id,
      queue_name: Q,
      status: 'finished',
      progress: 100,
      attempts_made: 1,
      attempts_allowed: 1,
      worker_name: t.app.get(WorkerRunner).workerName,
      logs: ['echo listed'],
    });
    expect(detail.duration_ms).toBeGreaterThanOrEqual(0);
    const failedDetail = (await get(`/jobs/${bad.job_id}`).expect(200)).body.data;
    expect(failedDetail).toMatchObject({ queue_name: Q, status: 'failed', error: 'listed failure' });
    expect(failedDetail.stack_trace.length).toBeGreaterThan(0);
  });

  it('rejects a bad status or limit with 400, and an unknown queue or job with 404', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'limit=1.5', 'status=running', 'status=', 'extra=1']) {
      const res = await get(`/queues/${Q}/jobs?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR' } });
    }
    const one = await tasks.enqueue(SucceedJob, { value: 'limit' });
    await ended(one.job_id);
    expect((await get(`/queues/${Q}/jobs?status=finished&limit=1`).expect(200)).body.data.count).toBe(1);
    expect((await get(`/queues/${Q}/jobs?status=finished&limit=100`).expect(200)).body.data.count).toBeGreaterThan(1);
    await get(`/metrics?window=0`).expect(400);

    for (const path of ['/queues/nope/stats', '/queues/nope/jobs', '/queues/nope/jobs/1']) {
      const res = await get(path).expect(404);
      expect(res.body.error.code).toBe('QUEUE_NOT_FOUND');
    }
    expect((await post('/queues/nope/pause').expect(404)).body.error.code).toBe('QUEUE_NOT_FOUND');
    expect((await get(`/queues/${Q}/jobs/no-such-job`).expect(404)).body.error.code).toBe('JOB_NOT_FOUND');
    expect((await get(`/jobs/no-such-job`).expect(404)).body.error.code).toBe('JOB_NOT_FOUND');
  });

  it('shows a running job on its worker (busy, current_job_id); abort stops it with JOB_ABORTED', async () => {
    const job = await tasks.enqueue(BlockJob, { max_ms: 60_000 });
    const busy = await waitFor(async () => {
      const worker = await myWorker();
      return worker?.current_job_id === job.job_id ? worker : undefined;
    });
    expect(busy).toMatchObject({ state: 'busy', queues: expect.arrayContaining([Q]) });
    expect(await statusOf(job.job_id)).toBe('started');
    const started = (await get(`/queues/${Q}/jobs?status=started`).expect(200)).body.data.jobs;
    expect(started.map((j: { job_id: string }) => j.job_id)).toContain(job.job_id);

    const res = await post(`/queues/${Q}/jobs/${job.job_id}/abort`, { reason: 'test abort' }).expect(200);
    expect(res.body.data).toMatchObject({ job_id: job.job_id, previous_status: 'started', abort_requested: true });
    await waitFor(async () => (await statusOf(job.job_id)) === 'failed');
    const detail = (await get(`/queues/${Q}/jobs/${job.job_id}`).expect(200)).body.data;
    expect(detail.error).toContain('JOB_ABORTED');
    const idle = await waitFor(async () => {
      const worker = await myWorker();
      return worker?.current_job_id === null ? worker : undefined;
    });
    expect(idle.state).toBe('idle');

    const again = await post(`/queues/${Q}/jobs/${job.job_id}/abort`).expect(409);
    expect(again.body.error.code).toBe('JOB_STATUS_CONFLICT');
  });

  it('requeues one failed job, then the failed jobs of a queue (count and all)', async () => {
    await post(`/queues/${Q}/clean`, { status: 'failed', older_than_seconds: 0 }).expect(200);
    MonitorTestSwitch.failing = true;
    const jobs = await Promise.all([1, 2, 3].map((i) => tasks.enqueue(FlakyJob, { value: `f${i}` })));
    await Promise.all(jobs.map((j) => waitFor(async () => (await statusOf(j.job_id)) === 'failed')));
    MonitorTestSwitch.failing = false;

    const one = await post(`/queues/${Q}/jobs/${jobs[0].job_id}/requeue`).expect(200);
    expect(one.body.data).toMatchObject({ job_id: jobs[0].job_id, previous_status: 'failed' });
    expect(['queued', 'started', 'finished']).toContain(one.body.data.status);
    await waitFor(async () => (await statusOf(jobs[0].job_id)) === 'finished');
    await post(`/queues/${Q}/jobs/${jobs[0].job_id}/requeue`).expect(409);

    const failedBefore = (await stats()).failed;
    expect(failedBefore).toBe(2);
    const some = await post(`/queues/${Q}/requeue-failed`, { count: 1 }).expect(200);
    expect(some.body.data).toEqual({ queue_name: Q, requeued: 1 });
    await waitFor(async () => (await stats()).failed === failedBefore - 1);

    const rest = await post(`/queues/${Q}/requeue-failed`).expect(200);
    expect(rest.body.data.requeued).toBe(failedBefore - 1);
    await Promise.all(jobs.map((j) => waitFor(async () => (await statusOf(j.job_id)) === 'finished')));
    await post(`/queues/${Q}/requeue-failed`, { count: 0 }).expect(400);
  });

  it('pause keeps new jobs queued; cancel removes a queued job and records it; resume runs the rest', async () => {
    const paused = await post(`/queues/${Q}/pause`).expect(200);
    expect(paused.body.data).toEqual({ queue_name: Q, paused: true });
    expect((await stats()).paused).toBe(true);
    try {
      const keep = await tasks.enqueue(SucceedJob, { value: 'after resume' });
      const drop = await tasks.enqueue(SucceedJob, { value: 'canceled' });
      expect(await statusOf(keep.job_id)).toBe('queued');
      const queued = (await get(`/queues/${Q}/jobs?status=queued`).expect(200)).body.data.jobs;
      expect(queued.map((j: { job_id: string }) => j.job_id)).toEqual(expect.arrayContaining([keep.job_id, drop.job_id]));

      const canceledBefore = (await stats()).canceled;
      const res = await post(`/queues/${Q}/jobs/${drop.job_id}/cancel`).expect(200);
      expect(res.body.data).toEqual({ job_id: drop.job_id, queue_name: Q, previous_status: 'queued', status: 'canceled' });
      const after = await stats();
      expect(after.canceled).toBe(canceledBefore + 1);
      expect(await statusOf(drop.job_id)).toBe('canceled');
      const canceled = (await get(`/queues/${Q}/jobs?status=canceled`).expect(200)).body.data.jobs;
      expect(canceled[0]).toMatchObject({ job_id: drop.job_id, status: 'canceled', data: { value: 'canceled' } });
      await post(`/queues/${Q}/jobs/${drop.job_id}/cancel`).expect(409);

      const resumed = await post(`/queues/${Q}/resume`).expect(200);
      expect(resumed.body.data).toEqual({ queue_name: Q, paused: false });
      await waitFor(async () => (await statusOf(keep.job_id)) === 'finished');
      expect((await stats()).paused).toBe(false);
    } finally {
      await post(`/queues/${Q}/resume`);
    }
  });

  it('cancels or promotes a scheduled job, and refuses to cancel a finished one', async () => {
    const later = await tasks.enqueue(SucceedJob, { value: 'later' }, { enqueueInMs: 600_000 });
    const never = await tasks.enqueue(SucceedJob, { value: 'never' }, { enqueueInMs: 600_000 });
    expect(await statusOf(later.job_id)).toBe('scheduled');
    const scheduled = (await get(`/queues/${Q}/jobs?status=scheduled`).expect(200)).body.data.jobs;
    expect(scheduled.map((j: { job_id: string }) => j.job_id)).toEqual(expect.arrayContaining([later.job_id, never.job_id]));

    const promoted = await post(`/queues/${Q}/jobs/${later.job_id}/promote`).expect(200);
    expect(promoted.body.data.previous_status).toBe('scheduled');
    await waitFor(async () => (await statusOf(later.job_id)) === 'finished');
    await post(`/queues/${Q}/jobs/${later.job_id}/promote`).expect(409);

    const canceled = await post(`/queues/${Q}/jobs/${never.job_id}/cancel`).expect(200);
    expect(canceled.body.data).toMatchObject({ previous_status: 'scheduled', status: 'canceled' });
    const refused = await post(`/queues/${Q}/jobs/${later.job_id}/cancel`).expect(409);
    expect(refused.body.error.code).toBe('JOB_STATUS_CONFLICT');
  });

  it('cleans finished jobs older than N seconds', async () => {
    const job = await tasks.enqueue(SucceedJob, { value: 'to clean' });
    await ended(job.job_id);
    const kept = await post(`/queues/${Q}/clean`, { status: 'finished', older_than_seconds: 3600 }).expect(200);
    expect(kept.body.data).toMatchObject({ queue_name: Q, status: 'finished', removed: 0 });
    const finished = (await stats()).finished;
    const res = await post(`/queues/${Q}/clean`, { status: 'finished', older_than_seconds: 0 }).expect(200);
    expect(res.body.data.removed).toBe(finished);
    expect((await stats()).finished).toBe(0);
    await post(`/queues/${Q}/clean`, { status: 'queued', older_than_seconds: 0 }).expect(400);
    await post(`/queues/${Q}/clean`, { status: 'failed', older_than_seconds: -1 }).expect(400);
  });

  it('reports metrics over a window from the jobs that ran', async () => {
    const jobs = await Promise.all([1, 2].map((i) => tasks.enqueue(SucceedJob, { value: `m${i}` })));
    const bad = await tasks.enqueue(FailJob, { message: 'metric failure' });
    await Promise.all([...jobs, bad].map((j) => ended(j.job_id)));
    const res = await get('/metrics?window=5').expect(200);
    const m = res.body.data.queues[Q];
    expect(res.body.data.window_minutes).toBe(5);
    expect(m.finished).toBeGreaterThanOrEqual(2);
    expect(m.failed).toBeGreaterThanOrEqual(1);
    expect(m.failure_rate).toBeCloseTo(m.failed / (m.finished + m.failed), 3);
    expect(m.finished_per_minute).toBeCloseTo(m.finished / 5, 2);
    expect(m.processing_time_ms.p50).not.toBeNull();
    expect(m.processing_time_ms.max).toBeGreaterThanOrEqual(m.processing_time_ms.p95);
    expect(m.wait_time_ms.p95).toBeGreaterThanOrEqual(m.wait_time_ms.p50);
    expect(res.body.data.queues.vectorization).toMatchObject({ finished: 0, failed: 0, failure_rate: null });
  });

  it('serves Prometheus text at /metrics from loopback', async () => {
    const res = await t.http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(new RegExp(`rq_queue_jobs\\{queue="${Q}",status="finished"\\} \\d+`));
    expect(res.text).toMatch(new RegExp(`rq_jobs_processed_total\\{queue="${Q}"\\} [1-9]`));
    expect(res.text).toMatch(new RegExp(`rq_jobs_failed_total\\{queue="${Q}"\\} [1-9]`));
    expect(res.text).toMatch(/rq_job_duration_seconds_bucket\{/);
    expect(res.text).toMatch(/rq_workers\{state="idle"\} \d+/);
  });

  describe('dashboard at /admin/queues', () => {
    const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

    it('challenges anonymous callers and wrong passwords with 401 Basic', async () => {
      const anonymous = await t.http().get('/admin/queues').expect(401);
      expect(anonymous.headers['www-authenticate']).toMatch(/^Basic /);
      await t.http().get('/admin/queues').set('authorization', basic(t.config.auth.adminEmail!, 'wrong-password')).expect(401);
      await t.http().get('/admin/queues/api/queues').set('authorization', 'Bearer not-a-token').expect(401);
    });

    it('serves the full board to an admin (HTTP Basic or bearer), whose actions work', async () => {
      const page = await t
        .http()
        .get('/admin/queues')
        .set('authorization', basic(t.config.auth.adminEmail!, t.config.auth.adminPassword!))
        .expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      const api = await t.http().get('/admin/queues/api/queues').set('authorization', `Bearer ${admin}`).expect(200);
      const boardQueues = api.body.queues as { name: string; readOnlyMode: boolean }[];
      expect(boardQueues.map((q) => q.name)).toContain(Q);
      expect(boardQueues.every((q) => !q.readOnlyMode)).toBe(true);
      try {
        await t.http().put(`/admin/queues/api/queues/${Q}/pause`).set('authorization', `Bearer ${admin}`).expect(200);
        expect((await stats()).paused).toBe(true);
      } finally {
        await post(`/queues/${Q}/resume`).expect(200);
      }
    });

    it('refuses every other signed-in user with 403 in the envelope: pages, assets and the JSON API', async () => {
      const { token } = await registerAndLogin(t);
      for (const path of ['/admin/queues', '/admin/queues/api/queues', `/admin/queues/api/queues/${Q}/no-such-job`]) {
        const res = await t.http().get(path).set('authorization', `Bearer ${token}`).expect(403);
        expect(res.body).toEqual({ success: false, message: expect.any(String), error: { code: 'FORBIDDEN' } });
      }
      await t.http().put(`/admin/queues/api/queues/${Q}/pause`).set('authorization', `Bearer ${token}`).expect(403);
      expect((await stats()).paused).toBe(false);
    });
  });

  describe('access', () => {
    const routes: [method: 'get' | 'post', path: string][] = [
      ['get', '/queues'],
      ['get', '/queues/stats'],
      ['get', `/queues/${Q}/stats`],
      ['get', `/queues/${Q}/jobs`],
      ['get', `/queues/${Q}/jobs/1`],
      ['get', '/jobs/1'],
      ['get', '/workers'],
      ['get', '/metrics'],
      ['post', `/queues/${Q}/jobs/1/requeue`],
      ['post', `/queues/${Q}/requeue-failed`],
      ['post', `/queues/${Q}/jobs/1/cancel`],
      ['post', `/queues/${Q}/jobs/1/abort`],
      ['post', `/queues/${Q}/jobs/1/promote`],
      ['post', `/queues/${Q}/pause`],
      ['post', `/queues/${Q}/resume`],
      ['post', `/queues/${Q}/clean`],
    ];

    it('answers 401 without a token and 403 for a user on every route', async () => {
      const { token } = await registerAndLogin(t);
      for (const [method, path] of routes) {
        const anonymous = await t.http()[method](`${API}${path}`);
        expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
        const user = await t.http()[method](`${API}${path}`).set('authorization', `Bearer ${token}`);
        expect({ path, status: user.status }).toEqual({ path, status: 403 });
      }
      expect((await stats()).paused).toBe(false);
    });

    it('never changes anything on GET', async () => {
      for (const action of ['pause', 'resume', 'clean', 'requeue-failed']) {
        await get(`/queues/${Q}/${action}`).expect(404);
      }
    });
  });

  it('documents every route in Swagger with an envelope schema', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/rq'));
    expect(paths.length).toBeGreaterThanOrEqual(14);
    for (const path of paths) {
      for (const operation of Object.values(doc.paths[path]) as { responses: Record<string, unknown> }[]) {
        const statuses = Object.keys(operation.responses);
        expect(statuses).toEqual(expect.arrayContaining(['401', '403']));
        // 200, or 202 for what starts work in the background (a migration)
        expect(statuses.some((status) => status === '200' || status === '202')).toBe(true);
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/#\/components\/schemas\/(\w+)/g)].map((m) => m[1]);
    const missing = refs.filter((name) => !(name in doc.components.schemas));
    expect(missing).toEqual([]);
  });
});
