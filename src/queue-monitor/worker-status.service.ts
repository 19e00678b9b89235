import { Injectable } from '@nestjs/common';
import { AppConfig } from '../infra/config/app-config.js';
import { parseWorkerRecord, WorkerRecord } from '../infra/queue/worker-registry.js';
import { remoteWorkerOf, type RemoteWorkerInfo } from '../remote-workers/remote-worker-record.js';
import { QueueMonitorRepository } from './queue-monitor.repository.js';

/**
 * A worker as the monitor shows it: the registry record, dead after two missed heartbeats. `kind`: an in-house
 * worker process (`local`) or a remote worker (`remote`: a token that claimed or heartbeated lately, with its leases).
 */
export type WorkerView = Omit<WorkerRecord, 'state'> & {
  state: 'busy' | 'idle' | 'dead';
  kind: 'local' | 'remote';
  remote: RemoteWorkerInfo | null;
};

/** Missed heartbeats before a worker shows as dead, and before its record is pruned. */
const DEAD_AFTER_HEARTBEATS = 2;
const PRUNE_AFTER_HEARTBEATS = 4;

@Injectable()
export class WorkerStatusService {
  constructor(
    private readonly repository: QueueMonitorRepository,
    private readonly config: AppConfig,
  ) {}

  async workers(now = Date.now()): Promise<{ workers: WorkerView[]; count: number }> {
    const workers: WorkerView[] = [];
    for (const hash of await this.repository.workerHashes()) {
      const record = parseWorkerRecord(hash);
      if (record.queue_prefix !== this.config.queue.prefix) continue; // another system sharing this Redis
      const silentMs = now - Date.parse(record.last_heartbeat);
      const interval = record.heartbeat_interval_ms > 0 ? record.heartbeat_interval_ms : 5000;
      // The TTL normally removes a silent worker; a record without one (or with a clock skew) is pruned here.
      if (silentMs > interval * PRUNE_AFTER_HEARTBEATS) {
        await this.repository.deleteWorker(record.name);
        continue;
      }
      const view = withLeases(record, remoteWorkerOf(hash, now));
      workers.push({ ...view, state: silentMs > interval * DEAD_AFTER_HEARTBEATS ? 'dead' : view.state });
    }
    workers.sort((a, b) => a.name.localeCompare(b.name));
    return { workers, count: workers.length };
  }
}

/** A remote worker is busy while it holds a live lease; its current job is the one it leased last. */
function withLeases(record: WorkerRecord, remote: RemoteWorkerInfo | null): WorkerView {
  if (!remote) return { ...record, kind: 'local', remote: null };
  const latest = remote.leases.at(-1);
  return {
    ...record,
    kind: 'remote',
    remote,
    state: latest ? 'busy' : 'idle',
    current_job_id: latest?.job_id ?? null,
    current_job_started_at: latest?.leased_at ?? null,
  };
}
