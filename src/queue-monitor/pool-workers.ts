import { type WorkerView } from './worker-status.service.js';

/** Why a pool's jobs wait when no live worker takes them. */
export const POOL_HAS_NO_WORKER = 'pool has no worker';

/**
 * The live (not dead) workers of a queue's pool, from the registry's records (in-house worker processes, and remote
 * workers heard from within two heartbeat intervals), and whose jobs they take: in-house workers and unbound tokens
 * take anyone's, a token bound to a user (`remote.user_id`) only that user's.
 */
export interface PoolService {
  workers: number;
  anyUser: boolean;
  users: ReadonlySet<string>;
}

export function poolService(workers: readonly WorkerView[], queue: string, pool: string): PoolService {
  const live = workers.filter((w) => w.state !== 'dead' && w.queues.includes(queue) && w.pools.includes(pool));
  const users = new Set<string>();
  let anyUser = false;
  for (const worker of live) {
    const boundTo = worker.kind === 'remote' ? (worker.remote?.user_id ?? null) : null;
    if (boundTo) users.add(boundTo);
    else anyUser = true;
  }
  return { workers: live.length, anyUser, users };
}

/** True when a live worker of the pool may take a job of this owner (null: a job of no user). */
export function canTake(service: PoolService, owner: string | null): boolean {
  return service.anyUser || (owner !== null && service.users.has(owner));
}
