import { randomUUID } from 'node:crypto';
import { type Job } from 'bullmq';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { type FlowStep, flowStep } from '../src/infra/queue/task-flows.js';
import { type ProbeData, ProbeJob } from './fixtures/probe/probe.jobs.js';
import { RelayProbeJob } from './fixtures/probe/relay-probe.processor.js';
import { TwoQueueProbeModule } from './fixtures/probe/two-queue-probe.module.js';
import { type ProbeSystem, startProbeSystem } from './support/probe-system.js';
import { waitFor } from './support/wait-for.js';

describe('TaskFlows: dependencies, chains and chords across queues on real Redis and real workers', () => {
  let s: ProbeSystem;
  beforeAll(async () => {
    s = await startProbeSystem({}, (runtime) => TwoQueueProbeModule.forRoot(runtime));
  });
  afterAll(async () => s.close());

  const probe = (mode: ProbeData['mode'], ms?: number): ProbeData => ({ run_key: randomUUID(), mode, ms });
  const onMemory = (data: ProbeData, options: Parameters<typeof flowStep>[2] = {}): FlowStep => flowStep(ProbeJob, data, options);
  const onRelay = (data: ProbeData, options: Parameters<typeof flowStep>[2] = {}): FlowStep => flowStep(RelayProbeJob, data, options);
  const starts = async (data: ProbeData) => (await s.events(data.run_key)).filter((e) => e.endsWith(':start'));
  const job = (queue: QueueName, id: string) => s.tasks.getJob(queue, id);
  const finished = (queue: QueueName, id: string): Promise<Job> =>
    waitFor(async () => {
      const j = await job(queue, id);
      return j?.finishedOn ? j : undefined;
    });

  it('defers a job until every job it depends on (on two queues) has finished, then runs it', async () => {
    const first = probe('sleep', 300);
    const second = probe('sleep', 300);
    const after = probe('ok');
    const enqueued = await s.tasks.flows.dependent(onMemory(after), [onMemory(first), onRelay(second)]);
    expect(enqueued).toMatchObject({ status: 'deferred', queue: QueueName.MemoryConsolidation, depends_on: [{ status: 'queued' }, { status: 'queued', queue: QueueName.TokenRevocation }] });
    expect(await (await job(QueueName.MemoryConsolidation, enqueued.job_id))!.getState()).toBe('waiting-children');

    const parent = await finished(QueueName.MemoryConsolidation, enqueued.job_id);
    const a = await finished(QueueName.MemoryConsolidation, enqueued.depends_on[0]!.job_id);
    const b = await finished(QueueName.TokenRevocation, enqueued.depends_on[1]!.job_id);
    expect(await parent.getState()).toBe('completed');
    expect(parent.processedOn!).toBeGreaterThanOrEqual(Math.max(a.finishedOn!, b.finishedOn!));
    expect(await s.events(after.run_key)).toHaveLength(2);
  });

  it('cancels a dependent job with DEPENDENCY_FAILED when a dependency fails: it never runs', async () => {
    const failing = probe('fail');
    const other = probe('sleep', 200);
    const after = probe('ok');
    const enqueued = await s.tasks.flows.dependent(onRelay(after), [onMemory(failing), onMemory(other)]);
    const parent = await finished(QueueName.TokenRevocation, enqueued.job_id);
    expect(await parent.getState()).toBe('failed');
    expect(parent.failedReason).toMatch(/^child .+ failed$/);
    expect(await starts(after)).toEqual([]);
  });

  it('runs the dependent job when a dependency that allows failure fails, and records the failure', async () => {
    const failing = probe('fail');
    const after = probe('ok');
    const enqueued = await s.tasks.flows.dependent(onMemory(after), [onRelay(failing, { allowFailure: true })]);
    const parent = await finished(QueueName.MemoryConsolidation, enqueued.job_id);
    expect(await parent.getState()).toBe('completed');
    expect(await s.events(after.run_key)).toHaveLength(2);
    const ignored = await parent.getIgnoredChildrenFailures();
    expect(Object.values(ignored)).toEqual(['probe failure']);
  });

  it('cancels a deferred job and the dependencies that have not started: nothing runs', async () => {
    const later = probe('ok');
    const after = probe('ok');
    const enqueued = await s.tasks.flows.dependent(onMemory(after), [onRelay(later, { enqueueInMs: 60_000 })]);
    expect(enqueued.depends_on[0]!.status).toBe('scheduled');
    expect(await s.tasks.removeIfNotStarted(QueueName.MemoryConsolidation, enqueued.job_id)).toBe(true);
    expect(await job(QueueName.MemoryConsolidation, enqueued.job_id)).toBeUndefined();
    expect(await job(QueueName.TokenRevocation, enqueued.depends_on[0]!.job_id)).toBeUndefined();
    expect(await s.events(after.run_key)).toEqual([]);
    expect(await s.events(later.run_key)).toEqual([]);
  });

  it('cancels a deferred job while its dependency runs: the dependency ends normally, the canceled job never runs', async () => {
    const running = probe('sleep', 800);
    const after = probe('ok');
    const enqueued = await s.tasks.flows.dependent(onMemory(after), [onRelay(running)]);
    await waitFor(async () => (await starts(running)).length === 1);
    expect(await s.tasks.removeIfNotStarted(QueueName.MemoryConsolidation, enqueued.job_id)).toBe(true);
    const dependency = await finished(QueueName.TokenRevocation, enqueued.depends_on[0]!.job_id);
    expect(await dependency.getState()).toBe('completed');
    expect(await job(QueueName.MemoryConsolidation, enqueued.job_id)).toBeUndefined();
    expect(await starts(after)).toEqual([]);
  });

  it('runs a chain across queues one job after the other, and stops it at the first failure', async () => {
    const steps = [probe('sleep', 100), probe('sleep', 100), probe('ok')];
    const chain = await s.tasks.flows.chain([onMemory(steps[0]!), onRelay(steps[1]!), onMemory(steps[2]!)]);
    expect(chain.map((j) => j.status)).toEqual(['queued', 'deferred', 'deferred']);
    const queues = [QueueName.MemoryConsolidation, QueueName.TokenRevocation, QueueName.MemoryConsolidation];
    const jobs = await Promise.all(chain.map((j, i) => finished(queues[i]!, j.job_id)));
    expect(jobs[1]!.processedOn!).toBeGreaterThanOrEqual(jobs[0]!.finishedOn!);
    expect(jobs[2]!.processedOn!).toBeGreaterThanOrEqual(jobs[1]!.finishedOn!);

    const broken = [probe('fail'), probe('ok'), probe('ok')];
    const brokenChain = await s.tasks.flows.chain(broken.map((data) => onMemory(data)));
    const last = await finished(QueueName.MemoryConsolidation, brokenChain[2]!.job_id);
    expect(await last.getState()).toBe('failed');
    expect(await starts(broken[1]!)).toEqual([]);
    expect(await starts(broken[2]!)).toEqual([]);
    // Each job canceled by the failure is still settled by its processor (its work reaches a final state).
    expect(await s.events(broken[2]!.run_key)).toEqual([expect.stringMatching(/:settled:child .+ failed$/)]);
  });

  it('runs a chord: a group on two queues, then its completion job once all of them finished', async () => {
    const group = [probe('sleep', 150), probe('sleep', 50), probe('ok')];
    const callback = probe('ok');
    const chord = await s.tasks.flows.dependent(onRelay(callback), [onMemory(group[0]!), onRelay(group[1]!), onMemory(group[2]!)]);
    const parent = await finished(QueueName.TokenRevocation, chord.job_id);
    const members = await Promise.all(chord.depends_on.map((j) => finished(j.queue, j.job_id)));
    expect(parent.processedOn!).toBeGreaterThanOrEqual(Math.max(...members.map((m) => m.finishedOn!)));
    expect(Object.values(await parent.getChildrenValues())).toEqual(['done', 'done', 'done']);
  });
});
