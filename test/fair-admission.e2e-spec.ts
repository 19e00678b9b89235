import { randomUUID } from 'node:crypto';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { toBullPriority, toHeldBackBullPriority } from '../src/infra/queue/task-priority.js';
import { ProbeJob } from './fixtures/probe/probe.jobs.js';
import { type ProbeSystem, startProbeSystem } from './support/probe-system.js';

const QUEUE = QueueName.MemoryConsolidation;
const ADMITTED = toBullPriority('normal');
const HELD = toHeldBackBullPriority('normal');

/** The fair scheduler's admission step against real Redis and BullMQ, with no worker: who is admitted, who waits. */
describe('fair admission (no worker running)', () => {
  let system: ProbeSystem;

  beforeAll(async () => {
    system = await startProbeSystem({ RUN_WORKERS: 'false', FAIR_SCHEDULING: 'true' });
  });
  afterAll(async () => {
    const keys = await system.redis.keys(`fair:${system.config.queue.prefix}:*`);
    if (keys.length) await system.redis.del(...keys);
    await system.close();
  });

  const enqueue = async (user: string, count: number, weight?: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const data = { run_key: randomUUID(), mode: 'ok' as const };
      ids.push((await system.tasks.enqueue(ProbeJob, data, { userId: user, weight })).job_id);
    }
    return ids;
  };
  const priorities = async (ids: string[]) =>
    Promise.all(ids.map(async (id) => (await system.tasks.getJob(QUEUE, id))!.priority));

  it('admits two jobs per unit of weight and holds back the rest at the level below', async () => {
    const light = await enqueue(`light-${randomUUID()}`, 4);
    const heavy = await enqueue(`heavy-${randomUUID()}`, 8, 3);
    expect(await priorities(light)).toEqual([ADMITTED, ADMITTED, HELD, HELD]);
    expect(await priorities(heavy)).toEqual([...Array(6).fill(ADMITTED), HELD, HELD]);
  });

  it('refills a slot freed by a cancel of an admitted job on the user’s next enqueue, oldest held-back job first', async () => {
    const user = `u-${randomUUID()}`;
    const [first, second, third, fourth] = await enqueue(user, 4);
    expect(await system.tasks.removeIfNotStarted(QUEUE, first)).toBe(true);
    const [fifth] = await enqueue(user, 1);
    expect(await priorities([second, third, fourth, fifth])).toEqual([ADMITTED, ADMITTED, HELD, HELD]);
  });

  it('skips a held-back job that was canceled, and one user’s step refills another user’s freed slot', async () => {
    const alice = `alice-${randomUUID()}`;
    const bob = `bob-${randomUUID()}`;
    const [a1, a2, a3, a4] = await enqueue(alice, 4);
    await system.tasks.removeIfNotStarted(QUEUE, a3);
    await system.tasks.removeIfNotStarted(QUEUE, a1);
    // Alice never enqueues again: each of Bob’s steps picks one user with held-back jobs at random (a few users here).
    for (let i = 0; i < 100 && (await priorities([a4]))[0] !== ADMITTED; i += 1) await enqueue(bob, 1);
    expect(await priorities([a2, a4])).toEqual([ADMITTED, ADMITTED]);
  });
});
