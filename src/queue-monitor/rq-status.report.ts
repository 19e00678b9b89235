import { type QueueStats } from './queue-stats.js';
import { type WorkerView } from './worker-status.service.js';

/** What rq_status.sh prints: the original RQ report (queues, per-queue counts, workers). */
export interface RqStatusReport {
  queues: string[];
  stats: Record<string, QueueStats>;
  workers: WorkerView[];
}

export function formatRqStatus(report: RqStatusReport): string {
  const line = '='.repeat(70);
  const rule = '-'.repeat(70);
  const out: string[] = [line, 'RQ queue status', line, '', 'Queues:', rule, `  ${report.queues.length} queues:`];
  for (const name of report.queues) out.push(`    ${name}`);
  out.push('', 'Queue stats:', rule);
  for (const name of report.queues) {
    const s = report.stats[name];
    out.push(
      `  ${name}${s.paused ? ' (paused)' : ''}:`,
      `    waiting:   ${s.queued}`,
      `    started:   ${s.started}`,
      `    finished:  ${s.finished}`,
      `    failed:    ${s.failed}`,
      `    scheduled: ${s.scheduled}`,
      `    total:     ${s.total}`,
    );
  }
  out.push('', 'Workers:', rule);
  if (report.workers.length === 0) {
    out.push('  No running workers (start one: scripts/start_rq_worker.sh file_processing)');
  } else {
    out.push(`  ${report.workers.length} workers:`);
    for (const w of report.workers) {
      out.push(
        `  ${w.name}`,
        `    state:       ${w.state}`,
        `    queues:      ${w.queues.length ? w.queues.join(', ') : 'none'}`,
        `    current job: ${w.current_job_id ?? 'none'}`,
        `    born:        ${w.birth_date}`,
        `    jobs:        ${w.successful_job_count} finished, ${w.failed_job_count} failed`,
      );
    }
  }
  out.push(line);
  return `${out.join('\n')}\n`;
}
