import { QueueName } from '../src/infra/queue/queue-names.js';
import { flowStep } from '../src/infra/queue/task-flows.js';
import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { createMonitorTestApp } from './fixtures/queue-monitor/monitor-test-app.js';
import { BlockJob, FailJob, MONITOR_TEST_QUEUE, SucceedJob } from './fixtures/queue-monitor/monitor-test.jobs.js';
import { loginAdmin } from './support/auth.js';
import type { TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

const Q = MONITOR_TEST_QUEUE;

interface Detail {
  status: string;
  error: string | null;
  dependencies: {
    parent: { queue_name: string; job_id: string } | null;
    children: Array<{ queue_name: string; job_id: string; state: string }>;
    waiting_on: Array<{ queue_name: string; job_id: string }>;
  };
}

describe('Queue monitor: job dependencies (e2e, real workers)', () => {
  let t: TestApp;
  let admin: string;
  let tasks: TaskQueueService;

  const detail = async (jobId: string, path = `/api/v1/rq/jobs/${jobId}`): Promise<Detail> =>
    (await t.http().get(path).set('authorization', `Bearer ${admin}`).expect(200)).body.data;

  beforeAll(async () => {
    t = await createMonitorTestApp({ WORKER_CONCURRENCY: '4' });
    admin = await loginAdmin(t);
    tasks = t.app.get(TaskQueueService);
  });
  afterAll(async () => t?.close());

  it('shows what a deferred job waits on, its parent from each child, and the dependencies once finished', async () => {
    const flow = await tasks.flows.dependent(flowStep(SucceedJob, { value: 'after' }), [
      flowStep(BlockJob, { max_ms: 1500 }),
      flowStep(SucceedJob, { value: 'quick' }),
    ]);
    const [slow, quick] = flow.depends_on.map((child) => child.job_id);
    const waiting = await detail(flow.job_id, `/api/v1/rq/queues/${Q}/jobs/${flow.job_id}`);
    expect(waiting.status).toBe('deferred');
    expect(waiting.dependencies.parent).toBeNull();
    expect(waiting.dependencies.children.map((c) => c.job_id).sort()).toEqual([slow, quick].sort());
    expect(waiting.dependencies.waiting_on).toContainEqual({ queue_name: Q, job_id: slow });
    expect((await detail(slow!)).dependencies).toEqual({ parent: { queue_name: Q, job_id: flow.job_id }, children: [], waiting_on: [] });

    const done = await waitFor(async () => {
      const d = await detail(flow.job_id);
      return d.status === 'finished' ? d : undefined;
    });
    expect(done.dependencies.waiting_on).toEqual([]);
    expect(done.dependencies.children.every((c) => c.state === 'finished')).toBe(true);
  });

  it('shows a job whose dependency failed as canceled with DEPENDENCY_FAILED, and an allowed failure as such', async () => {
    const failed = await tasks.flows.dependent(flowStep(SucceedJob, { value: 'never' }), [flowStep(FailJob, { message: 'no' })]);
    const canceled = await waitFor(async () => {
      const d = await detail(failed.job_id);
      return d.status === 'canceled' ? d : undefined;
    });
    expect(canceled.error).toMatch(/^DEPENDENCY_FAILED: child .+ failed$/);
    expect(canceled.dependencies.children).toEqual([{ queue_name: QueueName.FileProcessing, job_id: failed.depends_on[0]!.job_id, state: 'failed' }]);

    const allowed = await tasks.flows.dependent(flowStep(SucceedJob, { value: 'runs' }), [
      flowStep(FailJob, { message: 'tolerated' }, { allowFailure: true }),
    ]);
    const ran = await waitFor(async () => {
      const d = await detail(allowed.job_id);
      return d.status === 'finished' ? d : undefined;
    });
    expect(ran.dependencies.children).toEqual([{ queue_name: Q, job_id: allowed.depends_on[0]!.job_id, state: 'failure_allowed' }]);
  });
  it('cancels a deferred job from the monitor while its dependency runs: the dependency finishes, the job is canceled', async () => {
    const flow = await tasks.flows.dependent(flowStep(SucceedJob, { value: 'canceled' }), [flowStep(BlockJob, { max_ms: 800 })]);
    const blocking = flow.depends_on[0]!.job_id;
    await waitFor(async () => (await detail(blocking)).status === 'started');
    const res = await t
      .http()
      .post(`/api/v1/rq/queues/${Q}/jobs/${flow.job_id}/cancel`)
      .set('authorization', `Bearer ${admin}`)
      .expect(200);
    expect(res.body.data).toMatchObject({ job_id: flow.job_id, previous_status: 'deferred', status: 'canceled' });
    await waitFor(async () => (await detail(blocking)).status === 'finished');
    expect((await detail(flow.job_id)).status).toBe('canceled');
    expect(await tasks.getJob(Q, flow.job_id)).toBeUndefined();
  });
});
