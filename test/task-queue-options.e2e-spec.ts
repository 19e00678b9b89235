import { randomUUID } from 'node:crypto';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { type ProbeData, ProbeJob } from './fixtures/probe/probe.jobs.js';
import { type ProbeSystem, startProbeSystem } from './support/probe-system.js';
import { waitFor } from './support/wait-for.js';

describe('TaskQueueService: the RQ options on real Redis', () => {
  let s: ProbeSystem;
  beforeAll(async () => {
    s = await startProbeSystem();
  });
  afterAll(async () => s.close());

  const probe = (mode: ProbeData['mode'], ms?: number): ProbeData => ({ run_key: randomUUID(), mode, ms });
  const queue = () => s.tasks.queue(QueueName.MemoryConsolidation);

  it('does not run a job enqueued with enqueue_in before its delay', async () => {
    const data = probe('ok');
    const { job_id, status } = await s.tasks.enqueue(ProbeJob, data, { enqueueInMs: 1500 });
    expect(status).toBe('scheduled');
    const job = await waitFor(async () => {
      const j = await queue().getJob(job_id);
      return j?.finishedOn ? j : undefined;
    });
    expect(job.processedOn! - job.timestamp).toBeGreaterThanOrEqual(1500);
    expect(await s.events(data.run_key)).toHaveLength(2);
  });

  it('runs a job scheduled with enqueue_at no earlier than that time', async () => {
    const data = probe('ok');
    const at = new Date(Date.now() + 1200);
    const { job_id } = await s.tasks.enqueue(ProbeJob, data, { enqueueAt: at });
    const job = await waitFor(async () => {
      const j = await queue().getJob(job_id);
      return j?.finishedOn ? j : undefined;
    });
    expect(job.processedOn!).toBeGreaterThanOrEqual(at.getTime() - 5); // ms rounding of the delay
  });

  it('runs a job with Retry(max=3) four times, then fails it', async () => {
    const data = probe('fail');
    const { job_id } = await s.tasks.enqueue(ProbeJob, data, { retry: { max: 3, intervalMs: 50 } });
    const job = await waitFor(async () => {
      const j = await queue().getJob(job_id);
      return j?.finishedOn && (await j.getState()) === 'failed' ? j : undefined; // finishedOn: a snapshot of the end
    });
    expect(job!.attemptsMade).toBe(4);
    expect((await s.events(data.run_key)).filter((e) => e.endsWith(':start'))).toHaveLength(4);
  });

  it('aborts a job past its job_timeout: the signal fires, the work stops, it fails with JOB_TIMEOUT', async () => {
    const data = probe('hang');
    const { job_id } = await s.tasks.enqueue(ProbeJob, data, { jobTimeoutMs: 300 });
    const job = await waitFor(async () => {
      const j = await queue().getJob(job_id);
      return j?.finishedOn && (await j.getState()) === 'failed' ? j : undefined; // finishedOn: a snapshot of the end
    });
    expect(job!.failedReason).toMatch(/^JOB_TIMEOUT/);
    const events = await waitFor(async () => {
      const e = await s.events(data.run_key);
      return e.some((x) => x.includes('aborted:JOB_TIMEOUT')) ? e : undefined;
    });
    expect(events.some((e) => e.endsWith(':done'))).toBe(false);
  });

  it('expires results after result_ttl and failures after failure_ttl', async () => {
    const ok = await s.tasks.enqueue(ProbeJob, probe('ok'), { resultTtlSeconds: 1 });
    const bad = await s.tasks.enqueue(ProbeJob, probe('fail'), { failureTtlSeconds: 1 });
    await waitFor(async () => (await queue().getJob(ok.job_id))?.finishedOn);
    await waitFor(async () => (await queue().getJob(bad.job_id))?.finishedOn);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // BullMQ applies age limits when later jobs of the same kind finish.
    const later = await s.tasks.enqueue(ProbeJob, probe('ok'), { resultTtlSeconds: 1 });
    const laterBad = await s.tasks.enqueue(ProbeJob, probe('fail'), { failureTtlSeconds: 1 });
    await waitFor(async () => (await queue().getJob(later.job_id))?.finishedOn);
    await waitFor(async () => (await queue().getJob(laterBad.job_id))?.finishedOn);
    await waitFor(async () => !(await queue().getJob(ok.job_id)) && !(await queue().getJob(bad.job_id)));
    expect(await queue().getJob(later.job_id)).toBeDefined();
  });

  it('returns the existing job for a duplicate job id while it is live', async () => {
    const jobId = `dup-${randomUUID()}`;
    const first = await s.tasks.enqueue(ProbeJob, probe('ok'), { jobId, enqueueInMs: 60_000 });
    const second = await s.tasks.enqueue(ProbeJob, probe('ok'), { jobId, enqueueInMs: 60_000 });
    expect(first).toMatchObject({ job_id: jobId, created: true, status: 'scheduled' });
    expect(second).toMatchObject({ job_id: jobId, created: false, status: 'scheduled' });
    expect((await queue().getDelayed()).filter((j) => j.id === jobId)).toHaveLength(1);
  });

  it('enqueues a new run once a job with the same id has finished', async () => {
    const jobId = `rerun-${randomUUID()}`;
    const data = probe('ok');
    await s.tasks.enqueue(ProbeJob, data, { jobId });
    await waitFor(async () => (await queue().getJob(jobId))?.finishedOn);
    const again = await s.tasks.enqueue(ProbeJob, data, { jobId });
    expect(again.created).toBe(true);
    await waitFor(async () => (await s.events(data.run_key)).filter((e) => e.endsWith(':done')).length === 2);
  });

  it('gives a higher-priority job precedence', async () => {
    await queue().pause();
    const low = probe('ok');
    const high = probe('ok');
    const a = await s.tasks.enqueue(ProbeJob, low, { priority: 'low' });
    const b = await s.tasks.enqueue(ProbeJob, high, { priority: 'high' });
    await queue().resume();
    const [jobA, jobB] = await waitFor(async () => {
      const jobs = await Promise.all([queue().getJob(a.job_id), queue().getJob(b.job_id)]);
      return jobs.every((j) => j?.finishedOn) ? jobs : undefined;
    });
    expect(jobB!.processedOn!).toBeLessThanOrEqual(jobA!.processedOn!);
  });
});
