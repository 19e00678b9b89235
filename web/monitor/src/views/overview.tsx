import { useState } from 'preact/hooks';
import { unwrap, type Schemas } from '../../../client/api-client';
import { ThroughputChart, type ThroughputSeries } from '../components/throughput-chart';
import { formatDate, formatMs, formatPercent } from '../format';
import type { Session } from '../session';
import { usePoll } from '../use-poll';

type QueueStats = Schemas['QueueStatsDto'];
type WindowMetrics = Schemas['QueueWindowMetricsDto'];
type Worker = Schemas['WorkerDto'];
type Alert = Schemas['QueueAlertDto'];

const WINDOWS = [
  { minutes: 60, label: 'Last 60 minutes' },
  { minutes: 1440, label: 'Last 24 hours' },
];
const STATUSES = ['queued', 'started', 'finished', 'failed', 'scheduled', 'deferred', 'canceled'] as const;
/** A queue whose failure rate over the window passes this shows an alert (the server's default ALERT_FAILURE_RATE). */
const ALERT_FAILURE_RATE = 0.2;

interface Overview {
  stats: Record<string, QueueStats>;
  metrics: Record<string, WindowMetrics>;
  charts: Record<string, ThroughputSeries>;
  workers: Worker[];
  fired: Alert[];
}

export function OverviewView({ session }: { session: Session }) {
  const [window, setWindow] = useState(60);
  const { data, error } = usePoll(() => loadOverview(session, window), `overview:${window}`);
  return (
    <section aria-labelledby="overview-title">
      <div class="toolbar">
        <h1 id="overview-title">Overview</h1>
        <label>
          Window{' '}
          <select value={window} onChange={(e) => setWindow(Number(e.currentTarget.value))}>
            {WINDOWS.map((w) => (
              <option value={w.minutes}>{w.label}</option>
            ))}
          </select>
        </label>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {!data ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <>
          <Alerts overview={data} />
          <FiredAlerts alerts={data.fired} />
          <div class="table-wrap">
            <table data-testid="queue-counts">
              <caption>Jobs per queue now; throughput and timings over the window</caption>
              <thead>
                <tr>
                  <th scope="col">queue</th>
                  {STATUSES.map((s) => (
                    <th scope="col">{s}</th>
                  ))}
                  <th scope="col">paused</th>
                  <th scope="col">failure rate</th>
                  <th scope="col">processing p50 / p95</th>
                  <th scope="col">wait p50 / p95</th>
                </tr>
              </thead>
              <tbody>
                {Object.values(data.stats).map((q) => {
                  const m = data.metrics[q.queue_name];
                  return (
                    <tr data-queue={q.queue_name}>
                      <th scope="row">{q.queue_name}</th>
                      {STATUSES.map((s) => (
                        <td class={`num status-${s}`}>{q[s]}</td>
                      ))}
                      <td>{q.paused ? 'yes' : 'no'}</td>
                      <td class="num">{formatPercent(m?.failure_rate)}</td>
                      <td class="num">
                        {formatMs(m?.processing_time_ms.p50)} / {formatMs(m?.processing_time_ms.p95)}
                      </td>
                      <td class="num">
                        {formatMs(m?.wait_time_ms.p50)} / {formatMs(m?.wait_time_ms.p95)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div class="charts">
            {Object.entries(data.charts).map(([queue, series]) => (
              <ThroughputChart title={queue} series={series} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function Alerts({ overview }: { overview: Overview }) {
  const alerts: string[] = [];
  for (const q of Object.values(overview.stats)) {
    if (q.paused) alerts.push(`${q.queue_name} is paused`);
    const rate = overview.metrics[q.queue_name]?.failure_rate;
    if (rate !== null && rate !== undefined && rate > ALERT_FAILURE_RATE) {
      alerts.push(`${q.queue_name}: failure rate ${formatPercent(rate)} over the window`);
    }
  }
  for (const w of overview.workers) if (w.state === 'dead') alerts.push(`worker ${w.name} stopped sending heartbeats`);
  if (alerts.length === 0) return <p class="ok" data-testid="alerts">No alerts</p>;
  return (
    <ul class="alerts" data-testid="alerts" role="status">
      {alerts.map((a) => (
        <li>{a}</li>
      ))}
    </ul>
  );
}

function FiredAlerts({ alerts }: { alerts: Alert[] }) {
  if (alerts.length === 0) return null;
  return (
    <details class="fired" data-testid="fired-alerts">
      <summary>
        Alerts fired: {alerts.length} (latest {formatDate(alerts[0].at)})
      </summary>
      <ul>
        {alerts.map((a) => (
          <li class={`severity-${a.severity}`}>
            {formatDate(a.at)} · {a.severity} · {a.queue}:{' '}
            {a.alert === 'queue_failure_rate'
              ? `failure rate ${formatPercent(a.failure_rate)} over ${a.window_minutes} min (threshold ${formatPercent(a.threshold)})`
              : `job ${a.job_id} failed: ${a.failed_reason ?? 'no reason'}`}
          </li>
        ))}
      </ul>
    </details>
  );
}

async function loadOverview(session: Session, window: number): Promise<Overview> {
  const [stats, metrics, throughput, workers, fired] = await Promise.all([
    session.api.GET('/api/v1/rq/queues/stats').then(unwrap),
    session.api.GET('/api/v1/rq/metrics', { params: { query: { window } } }).then(unwrap),
    session.api.GET('/api/v1/monitor/throughput', { params: { query: { window } } }).then(unwrap),
    session.api.GET('/api/v1/rq/workers').then(unwrap),
    session.api.GET('/api/v1/monitor/alerts', { params: { query: { limit: 20 } } }).then(unwrap),
  ]);
  const start = Date.parse(throughput.start) / 1000;
  const step = throughput.bucket_minutes * 60;
  const charts: Record<string, ThroughputSeries> = {};
  for (const [queue, series] of Object.entries(throughput.queues)) {
    charts[queue] = { times: series.finished.map((_, i) => start + i * step), finished: series.finished, failed: series.failed };
  }
  return { stats: stats.queues, metrics: metrics.queues, charts, workers: workers.workers, fired: fired.alerts };
}
