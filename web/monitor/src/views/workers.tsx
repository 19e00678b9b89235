import { unwrap } from '../../../client/api-client';
import { formatBytes, formatMs, since } from '../format';
import type { Session } from '../session';
import { usePoll } from '../use-poll';

export function WorkersView({ session, openJob }: { session: Session; openJob: (jobId: string) => void }) {
  const { data, error } = usePoll(() => session.api.GET('/api/v1/rq/workers').then(unwrap), 'workers');
  const now = Date.now();
  return (
    <section aria-labelledby="workers-title">
      <h1 id="workers-title">Workers</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {!data ? (
        <p aria-busy="true">Loading…</p>
      ) : data.count === 0 ? (
        <p>No worker process is registered.</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="workers">
            <thead>
              <tr>
                <th scope="col">name</th>
                <th scope="col">host</th>
                <th scope="col">pid</th>
                <th scope="col">queues</th>
                <th scope="col">state</th>
                <th scope="col">current job</th>
                <th scope="col">running for</th>
                <th scope="col">heartbeat age</th>
                <th scope="col">done</th>
                <th scope="col">failed</th>
                <th scope="col">memory (RSS)</th>
              </tr>
            </thead>
            <tbody>
              {data.workers.map((w) => (
                <tr data-worker={w.name}>
                  <th scope="row">{w.name}</th>
                  <td>{w.hostname}</td>
                  <td class="num">{w.pid}</td>
                  <td>{w.queues.join(', ')}</td>
                  <td>
                    <span class={`badge state-${w.state}`}>{w.state}</span>
                  </td>
                  <td>
                    {w.current_job_id ? (
                      <button type="button" class="link" onClick={() => openJob(w.current_job_id ?? '')}>
                        {w.current_job_id}
                      </button>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td class="num">{w.current_job_id ? since(w.current_job_started_at, now) : '–'}</td>
                  <td class="num">{since(w.last_heartbeat, now)}</td>
                  <td class="num">{w.successful_job_count}</td>
                  <td class="num">{w.failed_job_count}</td>
                  <td class="num">{formatBytes(w.rss_bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="hint">Working time in total: {formatMs(data.workers.reduce((t, w) => t + w.total_working_time_ms, 0))}</p>
        </div>
      )}
    </section>
  );
}
