import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { Job } from 'bullmq';
import { ProbeJob } from './fixtures/probe/probe.jobs.js';
import { type ProbeSystem, startProbeSystem } from './support/probe-system.js';
import { waitFor } from './support/wait-for.js';

describe('TaskQueueService.enqueue: the status a producer answers (real Redis, a real worker)', () => {
  let s: ProbeSystem;
  beforeAll(async () => {
    s = await startProbeSystem({ WORKER_CONCURRENCY: '4' });
  });
  afterAll(async () => s?.close());

  it('answers queued for a job just created, even when a worker took it before the producer could look', async () => {
    // A worker that starts the job within the same millisecond: its state is already active when asked.
    const getState = jest.spyOn(Job.prototype, 'getState').mockResolvedValue('active');
    try {
      const task = await s.tasks.enqueue(ProbeJob, { run_key: randomUUID(), mode: 'ok' });
      expect(task).toMatchObject({ status: 'queued', created: true });
    } finally {
      getState.mockRestore();
    }
  });

  it('answers the real status of a live job returned instead of a new one', async () => {
    const jobId = `probe:${randomUUID()}:sleep`;
    const data = { run_key: randomUUID(), mode: 'sleep' as const, ms: 1500 };
    expect(await s.tasks.enqueue(ProbeJob, data, { jobId })).toMatchObject({ status: 'queued', created: true });
    await waitFor(async () => (await s.tasks.queue(ProbeJob.queue).getJob(jobId))?.processedOn);
    expect(await s.tasks.enqueue(ProbeJob, data, { jobId })).toEqual({ job_id: jobId, status: 'started', created: false });
    await waitFor(async () => (await s.tasks.queue(ProbeJob.queue).getJob(jobId))?.finishedOn);
  });
});
