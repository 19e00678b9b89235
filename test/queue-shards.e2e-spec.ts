import { type Job, type JobsOptions, MetricsTime, type Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { RevokeUserSessionsJob } from '../src/auth/auth.jobs.js';
import { DomainError } from '../src/common/errors/domain-error.js';
import { FairScheduler } from '../src/infra/queue/fair-scheduler.js';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { type QueueShard } from '../src/infra/queue/shards/queue-shard.js';
import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { RedisKeys } from '../src/infra/redis/redis-keys.js';
import { JobMover } from '../src/queue-monitor/migrations/job-mover.js';
import { type JobEndedEvent, QueueEventsHub } from '../src/queue-monitor/queue-events.hub.js';
import { VectorizeFileJob, vectorizeJobId } from '../src/vectors/vectors.jobs.js';
import { loginAdmin, registerAndLogin } from './support/auth.js';
import { type PrivateRedis, startPrivateRedis } from './support/private-redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';
import { ShardsTestAppModule } from './fixtures/queue-shards/shards-test-app.module.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Queue shards and migrations (e2e, two private Redis servers)', () => {
  let a: PrivateRedis;
  let b: PrivateRedis;
  let t: TestApp;
  let tasks: TaskQueueService;
  let admin: string;
  const auth = () => ({ authorization: `Bearer ${admin}` });

  beforeAll(async () => {
    a = await startPrivateRedis();
    b = await startPrivateRedis({ persistent: true });
    t = await createTestApp(
      { QUEUE_SHARDS: `${a.url},${b.url}`, RUN_WORKERS: 'false', FAIR_SCHEDULING: 'false' },
      { rootModule: (runtime) => ShardsTestAppModule.forRoot(runtime) },
    );
    tasks = t.app.get(TaskQueueService);
    admin = await loginAdmin(t);
  }, 180_000);
  afterAll(async () => {
    await b?.restart();
    await t?.close();
    await Promise.all([a?.stop(), b?.stop()]);
  }, 60_000);

  /** `count` file ids that route to the shard named. */
  function fileIdsOn(shard: string, count: number, tag: string): string[] {
    const ids: string[] = [];
    for (let i = 0; ids.length < count; i++) if (tasks.shards.route(`${tag}-${i}`).name === shard) ids.push(`${tag}-${i}`);
    return ids;
  }

  const shard = (name: string): QueueShard => tasks.shards.byName(name);
  /** Queued jobs of the vectorization queue on a shard (every job has a priority: BullMQ's prioritized set). */
  const queuedOn = (s: QueueShard) => s.queue('vectorization').getJobCountByTypes('wait', 'prioritized');

  it("routes each file's jobs to one shard by its id, the same shard every time, and keeps job ids unique", async () => {
    const fileIds = Array.from({ length: 30 }, (_, i) => `route-${i}`);
    for (const fileId of fileIds) await tasks.enqueue(VectorizeFileJob, { file_id: fileId }, { jobId: vectorizeJobId(fileId) });
    for (const fileId of fileIds) {
      const home = tasks.shards.route(fileId);
      expect(await home.queue('vectorization').getJob(vectorizeJobId(fileId))).toBeDefined();
      const other = tasks.shards.all.find((s) => s !== home)!;
      expect(await other.queue('vectorization').getJob(vectorizeJobId(fileId))).toBeUndefined();
    }
    const perShard = await Promise.all(tasks.shards.all.map((s) => queuedOn(s)));
    expect(perShard.every((n) => n > 0)).toBe(true);
    expect(perShard[0] + perShard[1]).toBe(30);
    // The same file again: the live job is found (dedup), wherever it is.
    const again = await tasks.enqueue(VectorizeFileJob, { file_id: fileIds[0] }, { jobId: vectorizeJobId(fileIds[0]) });
    expect(again.created).toBe(false);
    // A job without an id of its own gets a UUID (BullMQ's counters collide across shards).
    const revoke = await tasks.enqueue(RevokeUserSessionsJob, { user_id: 'user-1' });
    expect(revoke.job_id).toMatch(UUID);
    expect(await tasks.getJob(RevokeUserSessionsJob.queue, revoke.job_id)).toBeDefined();
  });

  it('the monitor answers for every shard, narrows with ?shard= and breaks stats down per shard', async () => {
    const counts = await Promise.all(tasks.shards.all.map((s) => queuedOn(s)));
    const all = await t.http().get('/api/v1/rq/queues/vectorization/stats').set(auth()).expect(200);
    expect(all.body.data.queued).toBe(counts[0] + counts[1]);
    expect(all.body.data.shards['0'].queued).toBe(counts[0]);
    expect(all.body.data.shards['1'].queued).toBe(counts[1]);
    const one = await t.http().get('/api/v1/rq/queues/vectorization/stats?shard=1').set(auth()).expect(200);
    expect(one.body.data.queued).toBe(counts[1]);
    const every = await t.http().get('/api/v1/rq/queues/stats?shard=0').set(auth()).expect(200);
    expect(every.body.data.queues.vectorization.queued).toBe(counts[0]);

    const list = await t.http().get('/api/v1/rq/queues/vectorization/jobs?status=queued&limit=100&shard=1').set(auth()).expect(200);
    expect(list.body.data.count).toBe(counts[1]);
    expect(list.body.data.jobs.every((job: { shard: string }) => job.shard === '1')).toBe(true);

    const fileId = fileIdsOn('1', 1, 'route')[0];
    const detail = await t.http().get(`/api/v1/rq/queues/vectorization/jobs/${vectorizeJobId(fileId)}`).set(auth()).expect(200);
    expect(detail.body.data.shard).toBe('1');
    await t.http().get(`/api/v1/rq/jobs/${vectorizeJobId(fileId)}?shard=0`).set(auth()).expect(404);
    await t.http().get('/api/v1/rq/queues/stats?shard=7').set(auth()).expect(404);
    await t.http().get('/api/v1/rq/queues/stats?shard=x').set(auth()).expect(400);
    // A job action finds the job's shard.
    const cancel = await t.http().post(`/api/v1/rq/queues/vectorization/jobs/${vectorizeJobId(fileId)}/cancel`).set(auth()).expect(200);
    expect(cancel.body.data.status).toBe('canceled');
    expect(await shard('1').queue('vectorization').getJob(vectorizeJobId(fileId))).toBeUndefined();

    // Canceled records sit on the main Redis, one list per queue: each counts once, under its own shard (a record
    // written before shards has none: shard "0").
    const legacy = { job_id: 'legacy-canceled', name: 'vectorize-file', data: {}, created_at: null, enqueued_at: null, canceled_at: new Date(Date.now() - 60_000).toISOString(), previous_status: 'queued' };
    await t.app.get(Redis).zadd(RedisKeys.canceledJobs(t.config.queue.prefix, 'vectorization'), Date.parse(legacy.canceled_at), JSON.stringify(legacy));
    const stats = (await t.http().get('/api/v1/rq/queues/vectorization/stats').set(auth()).expect(200)).body.data;
    expect([stats.canceled, stats.shards['0'].canceled, stats.shards['1'].canceled]).toEqual([2, 1, 1]);
    const listed = await t.http().get('/api/v1/rq/queues/vectorization/jobs?status=canceled&limit=100').set(auth()).expect(200);
    const shardOfListed = (jobs: { job_id: string; shard: string }[]) => jobs.map((job) => `${job.job_id}@${job.shard}`).sort();
    expect(shardOfListed(listed.body.data.jobs)).toEqual([`${vectorizeJobId(fileId)}@1`, 'legacy-canceled@0']);
    const listedOn1 = await t.http().get('/api/v1/rq/queues/vectorization/jobs?status=canceled&shard=1').set(auth()).expect(200);
    expect(shardOfListed(listedOn1.body.data.jobs)).toEqual([`${vectorizeJobId(fileId)}@1`]);
    const canceledDetail = await t.http().get(`/api/v1/rq/jobs/${vectorizeJobId(fileId)}`).set(auth()).expect(200);
    expect(canceledDetail.body.data).toMatchObject({ status: 'canceled', shard: '1' });
    await t.http().get(`/api/v1/rq/jobs/${vectorizeJobId(fileId)}?shard=0`).set(auth()).expect(404);
    const scrape = (await t.http().get('/metrics').expect(200)).text;
    for (const name of ['0', '1']) expect(scrape).toMatch(new RegExp(`^rq_queue_jobs\\{queue="vectorization",status="canceled",shard="${name}"\\} 1$`, 'm'));
  });

  it('metrics, Prometheus, the job-ended events and Bull Board cover the jobs of every shard', async () => {
    const ended: JobEndedEvent[] = [];
    t.app.get(QueueEventsHub).onJobEnded((event) => void ended.push(event));
    // Users whose jobs route to each shard (a revocation's routing key is its user id).
    const ids: string[] = [];
    for (const name of ['0', '1']) {
      for (const userId of fileIdsOn(name, 3, `metrics-user-${name}`)) ids.push((await tasks.enqueue(RevokeUserSessionsJob, { user_id: userId })).job_id);
    }
    // A no-op worker per shard keeping BullMQ's per-minute metrics, as ours do.
    const connections = [a, b].map((redis) => new Redis(redis.url, { maxRetriesPerRequest: null }));
    const workers = connections.map(
      (connection) =>
        new Worker(QueueName.TokenRevocation, async () => 'ok', { connection, prefix: t.config.queue.prefix, metrics: { maxDataPoints: MetricsTime.ONE_WEEK } }),
    );
    try {
      await waitFor(() => ids.every((id) => ended.some((event) => event.jobId === id)) || undefined, 20_000);
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all(connections.map((connection) => connection.quit()));
    }
    const shardOf = new Map(ended.map((event) => [event.jobId, event.shard]));
    expect(ids.map((id) => shardOf.get(id)).sort()).toEqual(['0', '0', '0', '1', '1', '1']);

    // Truth: what BullMQ's metrics hold on each shard.
    const finishedOn = async (name: string) => Number((await shard(name).queue(QueueName.TokenRevocation).getMetrics('completed', 0, 0)).meta.count);
    const [on0, on1] = [await finishedOn('0'), await finishedOn('1')];
    expect(on0).toBeGreaterThanOrEqual(3);
    expect(on1).toBeGreaterThanOrEqual(3);
    const metrics = await t.http().get('/api/v1/rq/metrics?window=15').set(auth()).expect(200);
    expect(metrics.body.data.queues.token_revocation).toMatchObject({ finished: on0 + on1, failed: 0 });
    expect(metrics.body.data.queues.token_revocation.timing_sample_size).toBeGreaterThanOrEqual(6);
    const one = await t.http().get('/api/v1/rq/metrics?window=15&shard=1').set(auth()).expect(200);
    expect(one.body.data.queues.token_revocation.finished).toBe(on1);
    await t.http().get('/api/v1/rq/metrics?shard=7').set(auth()).expect(404);

    const scrape = (await t.http().get('/metrics').expect(200)).text;
    const sample = (metric: string, labels: string) => Number(new RegExp(`^${metric}\\{${labels}\\} (\\d+)$`, 'm').exec(scrape)?.[1]);
    expect(sample('rq_jobs_processed_total', 'queue="token_revocation",shard="0"')).toBe(on0);
    expect(sample('rq_jobs_processed_total', 'queue="token_revocation",shard="1"')).toBe(on1);
    expect(sample('rq_queue_jobs', 'queue="token_revocation",status="finished",shard="1"')).toBeGreaterThanOrEqual(3);
    for (const name of ['0', '1']) {
      expect(sample('rq_job_duration_seconds_count', `queue="token_revocation",outcome="finished",shard="${name}"`)).toBeGreaterThanOrEqual(3);
    }

    const board = await t.http().get('/admin/queues/api/queues').set(auth()).expect(200);
    const names = (board.body as { queues: { name: string }[] }).queues.map((queue) => queue.name);
    expect(names).toEqual(expect.arrayContaining(['token_revocation [shard 0]', 'token_revocation [shard 1]']));
  });

  it('migrates waiting, delayed and failed jobs to another shard; a crash midway and a rerun lose and duplicate nothing', async () => {
    const source = shard('0');
    const target = shard('1');
    await Promise.all([source, target].map((s) => s.queue('vectorization').obliterate({ force: true })));
    const sourceQueue = source.queue('vectorization');
    // Failed jobs first: a worker of the test fails them once (no retry), then stops.
    const failedIds = fileIdsOn('0', 5, 'mig-fail').map((fileId) => vectorizeJobId(fileId));
    for (const id of failedIds) await tasks.enqueue(VectorizeFileJob, { file_id: id.split(':')[1] }, { jobId: id, retry: undefined });
    const workerConnection = new Redis(a.url, { maxRetriesPerRequest: null });
    const failing = new Worker('vectorization', () => Promise.reject(new Error('boom')), {
      connection: workerConnection,
      prefix: t.config.queue.prefix,
    });
    await waitFor(async () => (await sourceQueue.getFailedCount()) >= failedIds.length || undefined, 20_000);
    await failing.close();
    await workerConnection.quit();
    // Waiting and delayed jobs of files on shard 0.
    const waitingIds = fileIdsOn('0', 40, 'mig-wait').map((fileId) => vectorizeJobId(fileId));
    for (const id of waitingIds) await tasks.enqueue(VectorizeFileJob, { file_id: id.split(':')[1] }, { jobId: id });
    const delayedIds = fileIdsOn('0', 10, 'mig-delay').map((fileId) => vectorizeJobId(fileId));
    for (const id of delayedIds) await tasks.enqueue(VectorizeFileJob, { file_id: id.split(':')[1] }, { jobId: id, enqueueInMs: 600_000 });
    const mover = new JobMover({
      source: sourceQueue,
      sourceClient: source.connection,
      target: target.queue('vectorization'),
      targetClient: target.connection,
      prefix: t.config.queue.prefix,
      origin: '0/vectorization',
    });

    const waitingNow = (await sourceQueue.getJobs(['wait', 'prioritized'])).map((job) => String(job.id));
    const failedNow = (await sourceQueue.getJobs(['failed'])).map((job) => String(job.id));
    const everyId = [...waitingNow, ...delayedIds, ...failedNow];
    expect(new Set(everyId).size).toBe(everyId.length);

    // A crash after step 1 (held) for one job; after step 2 (held and placed on the target, not runnable) for another.
    expect(await mover.hold(waitingNow[0], ['waiting'])).toMatch(/^(waiting|prioritized):/);
    const second = (await sourceQueue.getJob(waitingNow[1]))!;
    const secondFrom = await mover.hold(waitingNow[1], ['waiting']);
    expect(await mover.place(second, secondFrom)).toBe(true);

    const start = await t
      .http()
      .post('/api/v1/rq/migrations')
      .set(auth())
      .send({ queue: 'vectorization', from_shard: '0', to_shard: '1', states: ['waiting', 'delayed', 'failed'] })
      .expect(202);
    const id = start.body.data.migration_id as string;
    const progress = await waitFor(async () => {
      const res = await t.http().get(`/api/v1/rq/migrations/${id}`).set(auth()).expect(200);
      return res.body.data.done ? res.body.data : undefined;
    }, 30_000);
    expect(progress).toMatchObject({ moved: everyId.length, failed: 0, error: null });

    const targetQueue = target.queue('vectorization');
    const counts = await sourceQueue.getJobCounts('wait', 'prioritized', 'delayed', 'failed', 'active');
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    expect(await source.connection.hlen(RedisKeys.queueMigrationHolding(t.config.queue.prefix, 'vectorization'))).toBe(0);
    expect(await target.connection.hlen(RedisKeys.queueMigrationIncoming(t.config.queue.prefix, 'vectorization'))).toBe(0);
    const arrived = (await targetQueue.getJobs(['wait', 'prioritized', 'delayed', 'failed'])).filter(Boolean) as Job[];
    expect(arrived.map((job) => String(job.id)).sort()).toEqual([...everyId].sort());
    for (const delayedId of delayedIds) {
      const job = (await targetQueue.getJob(delayedId))!;
      expect(await job.getState()).toBe('delayed');
      expect(job.delay).toBeGreaterThan(500_000); // its remaining delay, not a fresh one, not none
    }
    for (const failedId of failedNow) {
      const job = (await targetQueue.getJob(failedId))!;
      expect(await job.getState()).toBe('failed');
      expect(job.failedReason).toBe('boom');
    }
    const moved = (await targetQueue.getJob(waitingNow[2]))!;
    expect(moved.opts.attempts).toBe(3); // retry max 2, none used

    // A rerun has nothing left to move.
    const rerun = await t.http().post('/api/v1/rq/migrations').set(auth()).send({ queue: 'vectorization', from_shard: '0', to_shard: '1' }).expect(202);
    const again = await waitFor(async () => {
      const res = await t.http().get(`/api/v1/rq/migrations/${rerun.body.data.migration_id}`).set(auth()).expect(200);
      return res.body.data.done ? res.body.data : undefined;
    }, 30_000);
    expect(again).toMatchObject({ moved: 0, done: true });
  }, 120_000);

  it('moves a backlog to another queue on the same shard', async () => {
    const home = shard('1');
    const before = await queuedOn(home);
    const start = await t
      .http()
      .post('/api/v1/rq/migrations')
      .set(auth())
      .send({ queue: 'vectorization', from_shard: '1', to_queue: 'kg_extraction', states: ['waiting'], limit: 5 })
      .expect(202);
    const done = await waitFor(async () => {
      const res = await t.http().get(`/api/v1/rq/migrations/${start.body.data.migration_id}`).set(auth()).expect(200);
      return res.body.data.done ? res.body.data : undefined;
    }, 30_000);
    expect(done.moved).toBe(Math.min(5, before));
    const kg = home.queue('kg_extraction') as Queue;
    expect((await kg.getWaitingCount()) + (await kg.getPrioritizedCount())).toBe(done.moved);
  });

  it('refuses migrations to non-admins (403), bad requests (400) and unknown ids (404)', async () => {
    const { token } = await registerAndLogin(t);
    const user = { authorization: `Bearer ${token}` };
    await t.http().post('/api/v1/rq/migrations').set(user).send({ queue: 'vectorization', from_shard: '0', to_shard: '1' }).expect(403);
    await t.http().get('/api/v1/rq/migrations/5b0f3c1e-8a40-4a57-9a3e-0f6f1d1c2b3a').set(user).expect(403);
    await t.http().post('/api/v1/rq/migrations').set(auth()).send({ queue: 'vectorization', from_shard: '0' }).expect(400);
    await t.http().post('/api/v1/rq/migrations').set(auth()).send({ queue: 'vectorization', from_shard: '0', to_shard: '1', states: ['active'] }).expect(400);
    await t.http().post('/api/v1/rq/migrations').set(auth()).send({ queue: 'nope', from_shard: '0', to_shard: '1' }).expect(404);
    await t.http().post('/api/v1/rq/migrations').set(auth()).send({ queue: 'vectorization', from_shard: '0', to_shard: '9' }).expect(404);
    await t.http().get('/api/v1/rq/migrations/5b0f3c1e-8a40-4a57-9a3e-0f6f1d1c2b3a').set(auth()).expect(404);
  });

  it('a shard down: its keys answer 503 at enqueue, the other shard works, readiness is degraded, nothing lost on return', async () => {
    const onB = fileIdsOn('1', 3, 'down');
    const onA = fileIdsOn('0', 3, 'down');
    for (const fileId of onB) await tasks.enqueue(VectorizeFileJob, { file_id: fileId }, { jobId: vectorizeJobId(fileId) });
    const kept = await shard('1').queue('vectorization').getJobCountByTypes('wait', 'prioritized');
    await b.stop();
    await waitFor(() => !shard('1').available || undefined, 10_000);

    const refused = await tasks.enqueue(VectorizeFileJob, { file_id: onB[0] }, { jobId: vectorizeJobId(`${onB[0]}x`) }).catch((e: unknown) => e);
    // The routing key is the file id: onB[0] routes to the stopped shard.
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).status).toBe(503);
    const accepted = await tasks.enqueue(VectorizeFileJob, { file_id: onA[0] }, { jobId: vectorizeJobId(onA[0]) });
    expect(accepted.created).toBe(true);

    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.data).toMatchObject({ status: 'degraded', queue_shards: { down: ['1'], up: ['0'] } });
    const stats = await t.http().get('/api/v1/rq/queues/vectorization/stats').set(auth()).timeout(10_000).expect(200);
    expect(Object.keys(stats.body.data.shards)).toEqual(['0']);
    const narrowed = await t.http().get('/api/v1/rq/queues/vectorization/stats?shard=1').set(auth()).timeout(10_000);
    expect(narrowed.status).toBe(503);

    await b.restart();
    await waitFor(() => shard('1').available || undefined, 15_000);
    expect(await shard('1').queue('vectorization').getJobCountByTypes('wait', 'prioritized')).toBe(kept);
    const back = await t.http().get('/health/ready').expect(200);
    expect(back.body.data.status).toBe('ok');
  });

  /** A JobMover from shard 0 to shard 1 of the vectorization queue, as a migration builds it. */
  const moverFrom0To1 = (fair = false): JobMover =>
    new JobMover({
      source: shard('0').queue('vectorization'),
      sourceClient: shard('0').connection,
      target: shard('1').queue('vectorization'),
      targetClient: shard('1').connection,
      prefix: t.config.queue.prefix,
      origin: '0/vectorization',
      fair: fair ? { source: shard('0').fair, target: shard('1').fair } : undefined,
    });

  /** Starts a migration of vectorization from shard 0 to 1 and answers its progress once done. */
  async function migrate0To1(): Promise<{ moved: number; failed: number; error: string | null }> {
    const start = await t.http().post('/api/v1/rq/migrations').set(auth()).send({ queue: 'vectorization', from_shard: '0', to_shard: '1' }).expect(202);
    return waitFor(async () => {
      const res = await t.http().get(`/api/v1/rq/migrations/${start.body.data.migration_id}`).set(auth()).expect(200);
      return res.body.data.done ? res.body.data : undefined;
    }, 30_000);
  }

  it('exactly once: a rerun after a crash at any step never runs a moved job twice, even if its target copy ran and was removed', async () => {
    const [source, target] = [shard('0'), shard('1')];
    await Promise.all([source, target].map((s) => s.queue('vectorization').obliterate({ force: true })));
    const sourceQueue = source.queue('vectorization');
    const targetQueue = target.queue('vectorization');
    const [placedId, releasedId, armedId] = ['once-placed', 'once-released', 'once-armed'];
    for (const id of [placedId, releasedId, armedId]) {
      await sourceQueue.add('vectorize-file', { file_id: id }, { jobId: id, removeOnComplete: true, priority: 3 });
    }
    const mover = moverFrom0To1();
    const crashAfter = async (id: string, steps: number) => {
      const from = await mover.hold(id, ['waiting']);
      const job = (await sourceQueue.getJob(id))!;
      expect(await mover.place(job, from)).toBe(true);
      if (steps > 2) await mover.release(job);
    };
    await crashAfter(placedId, 2); // the target copy is placed, the source copy not yet deleted
    await crashAfter(releasedId, 3); // the source copy deleted, the target copy not yet armed
    await crashAfter(armedId, 3);
    // ARM made the copy runnable and the crash came before its journal entry went: it runs and is removed below.
    await (await targetQueue.getJob(armedId))!.promote();

    const runs = new Map<string, number>();
    const connection = new Redis(b.url, { maxRetriesPerRequest: null });
    const worker = new Worker(
      'vectorization',
      async (job: Job) => {
        runs.set(String(job.id), (runs.get(String(job.id)) ?? 0) + 1);
      },
      { connection, prefix: t.config.queue.prefix },
    );
    try {
      // Placed copies are not runnable: a job queued after them runs, they do not.
      await targetQueue.add('vectorize-file', { file_id: 'sentinel-1' }, { jobId: 'sentinel-1', removeOnComplete: true, priority: 3 });
      await waitFor(async () => (runs.get('sentinel-1') && !(await targetQueue.getJob(armedId))) || undefined, 20_000);
      expect(runs.get(placedId)).toBeUndefined();
      expect(runs.get(releasedId)).toBeUndefined();
      expect(runs.get(armedId)).toBe(1);
      expect(await (await targetQueue.getJob(placedId))!.getState()).toBe('delayed');

      const rerun = await migrate0To1();
      expect(rerun).toMatchObject({ failed: 0, error: null });
      await waitFor(() => (runs.get(placedId) && runs.get(releasedId)) || undefined, 20_000);
      // Anything still due to run would run before a job queued after it.
      await targetQueue.add('vectorize-file', { file_id: 'sentinel-2' }, { jobId: 'sentinel-2', removeOnComplete: true, priority: 3 });
      await waitFor(() => runs.get('sentinel-2') || undefined, 20_000);
      expect(Object.fromEntries(runs)).toEqual({ [placedId]: 1, [releasedId]: 1, [armedId]: 1, 'sentinel-1': 1, 'sentinel-2': 1 });
      // A third run finds nothing to move and runs nothing again.
      expect(await migrate0To1()).toMatchObject({ moved: 0, failed: 0 });
      expect(await sourceQueue.getJob(placedId)).toBeUndefined();
      expect(await target.connection.hlen(RedisKeys.queueMigrationIncoming(t.config.queue.prefix, 'vectorization'))).toBe(0);
      expect(await source.connection.hlen(RedisKeys.queueMigrationHolding(t.config.queue.prefix, 'vectorization'))).toBe(0);
    } finally {
      await worker.close();
      await connection.quit();
    }
  }, 120_000);

  it('one migration per source queue at a time: another answers 409 while it runs, and a dead holder frees it after its lease', async () => {
    const redis = t.app.get(Redis);
    const lockKey = RedisKeys.queueMigrationLock(t.config.queue.prefix, '0', 'vectorization');
    const sourceQueue = shard('0').queue('vectorization');
    await sourceQueue.add('vectorize-file', { file_id: 'lock-1' }, { jobId: 'lock-1', priority: 3 });
    // The first migration stalls on its first write to the source (paused): it is running when the second comes.
    const pauser = new Redis(a.url);
    try {
      await pauser.call('CLIENT', 'PAUSE', '20000', 'WRITE');
      const first = await t.http().post('/api/v1/rq/migrations').set(auth()).send({ queue: 'vectorization', from_shard: '0', to_shard: '1' }).expect(202);
      const second = await t.http().post('/api/v1/rq/migrations').set(auth()).send({ queue: 'vectorization', from_shard: '0', to_shard: '1' }).expect(409);
      expect(second.body).toMatchObject({
        success: false,
        error: { code: 'MIGRATION_RUNNING', details: { migration_id: first.body.data.migration_id } },
      });
      // Another queue of the same shard is not locked.
      await t.http().post('/api/v1/rq/migrations').set(auth()).send({ queue: 'kg_extraction', from_shard: '0', to_shard: '1' }).expect(202);
      await pauser.call('CLIENT', 'UNPAUSE');
      await waitFor(async () => {
        const res = await t.http().get(`/api/v1/rq/migrations/${first.body.data.migration_id}`).set(auth()).expect(200);
        return res.body.data.done || undefined;
      }, 30_000);
    } finally {
      await pauser.call('CLIENT', 'UNPAUSE').catch(() => undefined);
      await pauser.quit();
    }
    await waitFor(async () => (await redis.exists(lockKey)) === 0 || undefined, 10_000);

    // A process that died while migrating (the CLI, another API process) holds the lock until its lease runs out.
    await redis.set(lockKey, 'dead-process-migration', 'PX', 60_000);
    await t.http().post('/api/v1/rq/migrations').set(auth()).send({ queue: 'vectorization', from_shard: '0', to_shard: '1' }).expect(409);
    await redis.pexpire(lockKey, 200);
    const after = await waitFor(async () => {
      const res = await t.http().post('/api/v1/rq/migrations').set(auth()).send({ queue: 'vectorization', from_shard: '0', to_shard: '1' });
      return res.status === 202 ? res : undefined;
    }, 10_000);
    expect(after.body.data.migration_id).toMatch(UUID);
    await waitFor(async () => {
      const res = await t.http().get(`/api/v1/rq/migrations/${after.body.data.migration_id}`).set(auth()).expect(200);
      return res.body.data.done || undefined;
    }, 30_000);
  }, 120_000);

  it("fair scheduling: moved jobs leave the source's fair-scheduler lists and take their turn in the target's", async () => {
    const [source, target] = [shard('0'), shard('1')];
    await Promise.all([source, target].map((s) => s.queue('vectorization').obliterate({ force: true })));
    const sourceQueue = source.queue('vectorization');
    const prefix = t.config.queue.prefix;
    const base = RedisKeys.fairSchedulerBase(prefix, 'vectorization', 'normal');
    const ids = Array.from({ length: 6 }, (_, i) => `fair-move-${i}`);
    for (const id of ids) {
      const owner = { userId: 'fair-user' };
      await sourceQueue.add('vectorize-file', { file_id: id }, { jobId: id, priority: FairScheduler.entryPriority('normal'), fairShare: true, ...owner } as JobsOptions);
      await source.fair.hold(sourceQueue, id, owner, 'normal');
    }
    // Weight 1: two admitted, four held back at the source.
    expect(await source.connection.scard(`${base}admitted:fair-user`)).toBe(2);
    expect(await source.connection.llen(`${base}held:fair-user`)).toBe(4);

    const mover = moverFrom0To1(true);
    for (const id of ids) expect(await mover.move(id, ['waiting'])).toBe('moved');

    expect(await source.connection.scard(`${base}admitted:fair-user`)).toBe(0);
    expect(await source.connection.llen(`${base}held:fair-user`)).toBe(0);
    const targetQueue = target.queue('vectorization');
    expect((await target.connection.smembers(`${base}admitted:fair-user`)).sort()).toEqual(ids.slice(0, 2));
    expect(await target.connection.lrange(`${base}held:fair-user`, 0, -1)).toEqual(ids.slice(2));
    const priorities = await Promise.all(ids.map(async (id) => (await targetQueue.getJob(id))!.priority));
    expect(priorities).toEqual([3, 3, 4, 4, 4, 4]);

    // The user's jobs run fairly on the target: one ends there, their next held-back job is admitted.
    const firstJob = (await targetQueue.getJob(ids[0]))!;
    await firstJob.remove();
    await target.fair.ended(targetQueue, firstJob, { userId: 'fair-user' });
    expect((await targetQueue.getJob(ids[2]))!.priority).toBe(3);
    await Promise.all([source, target].map((s) => s.connection.del(`${base}admitted:fair-user`, `${base}held:fair-user`, `${base}users`, RedisKeys.fairSchedulerSlots(prefix, 'vectorization'))));
  });
});
