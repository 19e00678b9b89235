import { toBullOptions } from './task-queue.service.js';
import { toBullPriority, toTaskPriority } from './task-priority.js';

describe('task priorities', () => {
  it('orders high before normal before low in BullMQ numbers (lower runs first)', () => {
    expect(toBullPriority('high')).toBeLessThan(toBullPriority('normal'));
    expect(toBullPriority('normal')).toBeLessThan(toBullPriority('low'));
  });

  it('gives every job a BullMQ priority, normal by default, so no job skips the priority order', () => {
    expect(toBullOptions({}).priority).toBe(toBullPriority('normal'));
    expect(toBullOptions({ priority: 'high' }).priority).toBe(1);
  });

  it('reads the word back from a stored job, jobs without a priority as normal', () => {
    for (const word of ['high', 'normal', 'low'] as const) expect(toTaskPriority(toBullPriority(word))).toBe(word);
    expect(toTaskPriority(0)).toBe('normal');
    expect(toTaskPriority(undefined)).toBe('normal');
  });

  it('stores the owner and weight with the job options', () => {
    expect(toBullOptions({ userId: 'u1', weight: 3 })).toMatchObject({ userId: 'u1', weight: 3 });
  });
});
