import { randomUUID } from 'node:crypto';
import { FlowProducer, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { requireRedis, TEST_REDIS_URL } from '../../../test/support/require-redis.js';
import { FlowJobRemover } from './flow-job-remover.js';

/** Against a real Redis: BullMQ's own removal goes wrong on three-part ids (`file:{id}:graph`); ours must not. */
describe('FlowJobRemover (three-part job ids, real Redis)', () => {
  const prefix = `test-remover-${randomUUID().slice(0, 8)}`;
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const queues = new Map<string, Queue>();
  const queueNamed = (name: string) => {
    if (!queues.has(name)) queues.set(name, new Queue(name, { connection, prefix }));
    return queues.get(name)!;
  };
  const producer = new FlowProducer({ connection, prefix });
  const remover = new FlowJobRemover(prefix, queueNamed);

  /** A run: `file:{id}:graph` on `parents` waits on `file:{id}:process` (prioritized) on `children`. */
  const addRun = async () => {
    const id = randomUUID();
    await producer.add({
      name: 'extract-graph',
      queueName: 'parents',
      data: {},
      opts: { jobId: `file:${id}:graph` },
      children: [{ name: 'process-file', queueName: 'children', data: {}, opts: { jobId: `file:${id}:process`, priority: 100 } }],
    });
    const parent = (await queueNamed('parents').getJob(`file:${id}:graph`))!;
    const child = (await queueNamed('children').getJob(`file:${id}:process`))!;
    return { parent, child };
  };

  beforeAll(async () => {
    await requireRedis();
    await queueNamed('children').pause(); // no worker anyway; keeps every child queued
  });
  afterAll(async () => {
    for (const queue of queues.values()) await queue.obliterate({ force: true });
    await Promise.all([...queues.values()].map((queue) => queue.close()));
    await producer.close();
    await connection.quit();
  });

  it('releases the parent when its last child is removed (BullMQ alone leaves it waiting forever)', async () => {
    const { parent, child } = await addRun();
    expect(await parent.getState()).toBe('waiting-children');
    await remover.remove(child);
    expect(await queueNamed('children').getJob(child.id!)).toBeUndefined();
    expect(['waiting', 'prioritized']).toContain(await parent.getState());
    await parent.remove();
  });

  it('removes a deferred parent with its queued children and leaves no id behind in their queue', async () => {
    const { parent, child } = await addRun();
    await remover.remove(parent);
    expect(await queueNamed('parents').getJob(parent.id!)).toBeUndefined();
    expect(await queueNamed('children').getJob(child.id!)).toBeUndefined();
    const counts = await queueNamed('children').getJobCounts('prioritized', 'wait');
    expect(counts).toEqual({ prioritized: 0, wait: 0 });
  });

  it('leaves a running child to finish and removes the rest of the run', async () => {
    const { parent, child } = await addRun();
    let markStarted = () => undefined as void;
    let finish = () => undefined as void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const finished = new Promise<void>((resolve) => (finish = resolve));
    await queueNamed('children').resume();
    const worker = new Worker(
      'children',
      async () => {
        markStarted();
        await finished;
      },
      { connection: connection.duplicate(), prefix },
    );
    try {
      await started;
      await remover.remove(parent);
      expect(await queueNamed('parents').getJob(parent.id!)).toBeUndefined();
      expect(await (await queueNamed('children').getJob(child.id!))?.getState()).toBe('active');
    } finally {
      finish();
      await worker.close();
      await queueNamed('children').pause();
    }
  });
});
