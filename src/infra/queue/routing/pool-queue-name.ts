import { ALL_QUEUES, type QueueName } from '../queue-names.js';

/** The pool every job goes to unless a routing rule says otherwise; its queues keep today's names. */
export const DEFAULT_POOL = 'default';

/** Separates a logical queue name from its pool in a pool queue's BullMQ name (BullMQ forbids ':' in queue names). */
export const POOL_SEPARATOR = '@';

/** A pool name: letters, digits, '_' and '-', at most 40 characters (so no separator, ':' or path characters). */
export const POOL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

export function isPoolName(value: string): boolean {
  return POOL_NAME_PATTERN.test(value);
}

/**
 * The BullMQ queue name of a logical queue's pool: pool `default` is the queue's own name (existing job ids, monitor
 * routes and actions keep working); another pool gets `<queue>@<pool>`, e.g. `file_processing@heavy`.
 */
export function poolQueueName(queue: QueueName, pool: string = DEFAULT_POOL): string {
  if (pool === DEFAULT_POOL) return queue;
  if (!isPoolName(pool)) throw new Error(`Invalid worker pool name "${pool}" (letters, digits, '_' and '-', at most 40)`);
  return `${queue}${POOL_SEPARATOR}${pool}`;
}

/** The logical queue and pool of a BullMQ queue name made by poolQueueName; undefined for any other name. */
export function parsePoolQueueName(bullName: string): { queue: QueueName; pool: string } | undefined {
  const at = bullName.indexOf(POOL_SEPARATOR);
  const queue = at < 0 ? bullName : bullName.slice(0, at);
  const pool = at < 0 ? DEFAULT_POOL : bullName.slice(at + 1);
  const logical = ALL_QUEUES.find((name) => name === queue);
  if (!logical || (at >= 0 && (pool === DEFAULT_POOL || !isPoolName(pool)))) return undefined;
  return { queue: logical, pool };
}
