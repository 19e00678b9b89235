#!/usr/bin/env node
// Writes queue-monitor.dashboard.json (a Grafana dashboard over the API's /metrics) from the panel list below, so
// the JSON stays consistent (ids, grid positions) when a panel is added: `node deploy/grafana/build-dashboard.mjs`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DS = { type: 'prometheus', uid: '${DS_PROMETHEUS}' };
const Q = 'queue=~"$queue"';

/** [title, type, unit, width, height, [[expr, legend], …], description] */
const PANELS = [
  ['Jobs queued', 'stat', 'short', 6, 4, [[`sum(rq_queue_jobs{${Q},status="queued"})`, 'queued']], 'Waiting to run (waiting + prioritized)'],
  ['Jobs running', 'stat', 'short', 6, 4, [[`sum(rq_queue_jobs{${Q},status="started"})`, 'started']], 'Active jobs'],
  ['Failed (kept)', 'stat', 'short', 6, 4, [[`sum(rq_queue_jobs{${Q},status="failed"})`, 'failed']], 'Failed jobs still in Redis (until failure_ttl)'],
  ['Workers', 'stat', 'short', 6, 4, [['sum by (state) (rq_workers)', '{{state}}']], 'Worker processes by state; dead = two missed heartbeats'],
  ['Finished per minute', 'timeseries', 'short', 12, 8, [[`sum by (queue) (rate(rq_jobs_processed_total{${Q}}[5m])) * 60 - sum by (queue) (rate(rq_jobs_failed_total{${Q}}[5m])) * 60`, '{{queue}}']], 'Jobs that ended well, per minute (5 min rate)'],
  ['Failed per minute', 'timeseries', 'short', 12, 8, [[`sum by (queue) (rate(rq_jobs_failed_total{${Q}}[5m])) * 60`, '{{queue}}']], 'Jobs that failed for good, per minute'],
  ['Failure rate', 'timeseries', 'percentunit', 12, 8, [[`sum by (queue) (rate(rq_jobs_failed_total{${Q}}[15m])) / clamp_min(sum by (queue) (rate(rq_jobs_processed_total{${Q}}[15m])), 1e-9)`, '{{queue}}']], 'failed / ended over 15 minutes (ALERT_FAILURE_RATE alerts on 5 minutes)'],
  ['Queue depth by status', 'timeseries', 'short', 12, 8, [[`sum by (queue, status) (rq_queue_jobs{${Q},status=~"queued|started|scheduled|deferred"})`, '{{queue}} {{status}}']], 'Jobs not ended yet'],
  ['Processing time p50 / p95', 'timeseries', 's', 12, 8, [
    [`histogram_quantile(0.5, sum by (queue, le) (rate(rq_job_duration_seconds_bucket{${Q}}[5m])))`, 'p50 {{queue}}'],
    [`histogram_quantile(0.95, sum by (queue, le) (rate(rq_job_duration_seconds_bucket{${Q}}[5m])))`, 'p95 {{queue}}'],
  ], 'From the queue events seen by the API'],
  ['Wait time p50 / p95', 'timeseries', 's', 12, 8, [
    [`histogram_quantile(0.5, sum by (queue, le) (rate(rq_job_wait_seconds_bucket{${Q}}[5m])))`, 'p50 {{queue}}'],
    [`histogram_quantile(0.95, sum by (queue, le) (rate(rq_job_wait_seconds_bucket{${Q}}[5m])))`, 'p95 {{queue}}'],
  ], 'Enqueue (or end of delay) to start'],
  ['Paused queues', 'timeseries', 'short', 12, 6, [[`max by (queue) (rq_queue_paused{${Q}})`, '{{queue}}']], '1 while paused'],
  ['API process memory (RSS)', 'timeseries', 'bytes', 12, 6, [['process_resident_memory_bytes{job=~"$job"}', '{{instance}}']], 'From prom-client default metrics'],
];

function panel([title, type, unit, w, h, targets, description], id, gridPos) {
  return {
    id,
    type,
    title,
    description,
    datasource: DS,
    gridPos: { ...gridPos, w, h },
    fieldConfig: { defaults: { unit, min: 0 }, overrides: [] },
    options: type === 'stat' ? { reduceOptions: { calcs: ['lastNotNull'] }, colorMode: 'value' } : { legend: { displayMode: 'list', placement: 'bottom' } },
    targets: targets.map(([expr, legendFormat], i) => ({ refId: String.fromCharCode(65 + i), datasource: DS, expr, legendFormat })),
  };
}

let x = 0;
let y = 0;
let rowHeight = 0;
const panels = PANELS.map((spec, i) => {
  const [, , , w, h] = spec;
  if (x + w > 24) {
    x = 0;
    y += rowHeight;
    rowHeight = 0;
  }
  const built = panel(spec, i + 1, { x, y });
  x += w;
  rowHeight = Math.max(rowHeight, h);
  return built;
});

const dashboard = {
  __inputs: [{ name: 'DS_PROMETHEUS', label: 'Prometheus', type: 'datasource', pluginId: 'prometheus', pluginName: 'Prometheus' }],
  __requires: [
    { type: 'grafana', id: 'grafana', name: 'Grafana', version: '10.0.0' },
    { type: 'datasource', id: 'prometheus', name: 'Prometheus', version: '1.0.0' },
  ],
  uid: 'docai-queue-monitor',
  title: 'Document AI job queues',
  description: 'BullMQ queues of the document AI backend, from its /metrics endpoint',
  tags: ['docai', 'bullmq', 'queues'],
  timezone: 'browser',
  schemaVersion: 39,
  version: 1,
  refresh: '30s',
  time: { from: 'now-6h', to: 'now' },
  templating: {
    list: [
      { name: 'job', label: 'Scrape job', type: 'query', datasource: DS, query: 'label_values(rq_queue_jobs, job)', refresh: 1, includeAll: true, multi: true, current: { text: 'All', value: '$__all' } },
      { name: 'queue', label: 'Queue', type: 'query', datasource: DS, query: 'label_values(rq_queue_jobs, queue)', refresh: 1, includeAll: true, multi: true, allValue: '.*', current: { text: 'All', value: '$__all' } },
    ],
  },
  panels,
};

const target = fileURLToPath(new URL('./queue-monitor.dashboard.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(dashboard, null, 2)}\n`);
console.log(`wrote ${target} (${panels.length} panels)`);
