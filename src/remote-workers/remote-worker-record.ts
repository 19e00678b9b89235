/**
 * A remote worker in the worker registry (`rq:worker:{name}`, the hash in-house workers keep, so the monitor, its pool
 * checks, rq_status.sh and the metrics count it): the in-house fields, plus `kind: remote`, the token's id, name and
 * user, and one `lease:{lease_id}` field per job it holds. Written by RemoteWorkerPresenceRepository, read by the
 * queue monitor with remoteWorkerOf. Never the token or its digest.
 */
export const REMOTE_KIND = 'remote';
export const LEASE_FIELD_PREFIX = 'lease:';

/** The registry name of a token's remote worker: one per token, stable across its claims. */
export const remoteWorkerName = (tokenId: string): string => `remote.${tokenId}`;

/** One `lease:{lease_id}` field. */
export interface RemoteLeaseField {
  job_id: string;
  queue: string;
  leased_at: string;
  lease_expires_at: string;
}

export interface RemoteWorkerLease extends RemoteLeaseField {
  lease_id: string;
}

/** What the monitor shows of a remote worker beyond the in-house fields. */
export interface RemoteWorkerInfo {
  token_id: string;
  /** The name the admin gave its token. */
  token_name: string;
  /** Set: the token only ever gets this user's jobs. */
  user_id: string | null;
  /** Leases still running (not answered, not expired), oldest first. */
  leases: RemoteWorkerLease[];
}

/** The remote worker a registry hash describes, or null for an in-house worker's. */
export function remoteWorkerOf(hash: Record<string, string>, now: number): RemoteWorkerInfo | null {
  if (hash.kind !== REMOTE_KIND) return null;
  const leases: RemoteWorkerLease[] = [];
  for (const [field, value] of Object.entries(hash)) {
    if (!field.startsWith(LEASE_FIELD_PREFIX)) continue;
    const lease = parseLease(value);
    if (lease && Date.parse(lease.lease_expires_at) > now) leases.push({ lease_id: field.slice(LEASE_FIELD_PREFIX.length), ...lease });
  }
  leases.sort((a, b) => a.leased_at.localeCompare(b.leased_at));
  return { token_id: hash.token_id ?? '', token_name: hash.token_name ?? '', user_id: hash.user_id || null, leases };
}

export function parseLease(value: string): RemoteLeaseField | undefined {
  try {
    const lease = JSON.parse(value) as Partial<RemoteLeaseField>;
    if (typeof lease.job_id !== 'string' || typeof lease.queue !== 'string') return undefined;
    if (typeof lease.leased_at !== 'string' || typeof lease.lease_expires_at !== 'string') return undefined;
    return { job_id: lease.job_id, queue: lease.queue, leased_at: lease.leased_at, lease_expires_at: lease.lease_expires_at };
  } catch {
    return undefined;
  }
}
