import { useState } from 'preact/hooks';
import { unwrap, type Schemas } from '../../../client/api-client';
import { ConfirmDialog, type PendingAction } from '../components/confirm-dialog';
import { errorMessage, formatDate, formatMs } from '../format';
import type { Session } from '../session';
import { usePoll } from '../use-poll';

type JobDetail = Schemas['JobDetailDto'];
type JobStatus = 'queued' | 'started' | 'finished' | 'failed' | 'scheduled' | 'deferred' | 'canceled';
const STATUSES: JobStatus[] = ['failed', 'queued', 'started', 'scheduled', 'deferred', 'finished', 'canceled'];

export interface JobRef {
  queue?: string;
  jobId: string;
}

export function JobsView({ session, selected, select }: { session: Session; selected?: JobRef; select: (job?: JobRef) => void }) {
  const [queue, setQueue] = useState('file_processing');
  const [status, setStatus] = useState<JobStatus>('failed');
  const [findId, setFindId] = useState('');
  const [pending, setPending] = useState<PendingAction | undefined>(undefined);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const queues = usePoll(() => session.api.GET('/api/v1/rq/queues/stats').then(unwrap), 'queue-names', 10_000);
  const list = usePoll(
    () =>
      session.api
        .GET('/api/v1/rq/queues/{queue_name}/jobs', { params: { path: { queue_name: queue }, query: { status, limit: 50 } } })
        .then(unwrap),
    `jobs:${queue}:${status}`,
  );
  const paused = queues.data?.queues[queue]?.paused ?? false;

  const confirm = (title: string, description: string, run: () => Promise<unknown>) => setPending({ title, description, run });
  const closeDialog = (confirmed: boolean) => {
    const action = pending;
    setPending(undefined);
    if (!confirmed || !action) return;
    action.run().then(
      (result) => {
        setOutcome({ ok: true, text: `${action.title}: ${JSON.stringify(result)}` });
        list.reload();
        queues.reload();
      },
      (reason: unknown) => setOutcome({ ok: false, text: `${action.title} failed: ${errorMessage(reason)}` }),
    );
  };
  const path = { queue_name: queue };

  return (
    <section aria-labelledby="jobs-title">
      <h1 id="jobs-title">Jobs</h1>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (findId.trim()) select({ jobId: findId.trim() });
        }}
      >
        <label>
          Queue{' '}
          <select value={queue} onChange={(e) => setQueue(e.currentTarget.value)} data-testid="queue-filter">
            {Object.keys(queues.data?.queues ?? { [queue]: null }).map((name) => (
              <option value={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as JobStatus)} data-testid="status-filter">
            {STATUSES.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Job id <input value={findId} onInput={(e) => setFindId(e.currentTarget.value)} placeholder="find by id" />
        </label>
        <button type="submit">Find</button>
      </form>
      <div class="toolbar">
        <span>
          Queue <strong>{queue}</strong> {paused ? '(paused)' : ''}
        </span>
        {paused ? (
          <button type="button" onClick={() => confirm(`Resume ${queue}`, 'Workers take new jobs again.', () => session.api.POST('/api/v1/rq/queues/{queue_name}/resume', { params: { path } }).then(unwrap))}>
            Resume queue
          </button>
        ) : (
          <button type="button" onClick={() => confirm(`Pause ${queue}`, 'Workers finish running jobs and take no new ones.', () => session.api.POST('/api/v1/rq/queues/{queue_name}/pause', { params: { path } }).then(unwrap))}>
            Pause queue
          </button>
        )}
        <button type="button" onClick={() => confirm(`Requeue every failed job of ${queue}`, 'Each failed job runs again.', () => session.api.POST('/api/v1/rq/queues/{queue_name}/requeue-failed', { params: { path }, body: {} }).then(unwrap))}>
          Requeue all failed
        </button>
        {(status === 'finished' || status === 'failed') && (
          <button type="button" onClick={() => confirm(`Clean ${status} jobs of ${queue}`, `Removes ${status} jobs that ended more than an hour ago.`, () => session.api.POST('/api/v1/rq/queues/{queue_name}/clean', { params: { path }, body: { status, older_than_seconds: 3600 } }).then(unwrap))}>
            Clean {status} older than 1 h
          </button>
        )}
      </div>
      {outcome && (
        <p class={outcome.ok ? 'ok' : 'error'} role="status" data-testid="action-outcome">
          {outcome.text}
        </p>
      )}
      {list.error && <p class="error" role="alert">{list.error}</p>}
      <div class="split">
        <div class="table-wrap">
          <table data-testid="jobs">
            <thead>
              <tr>
                <th scope="col">job</th>
                <th scope="col">name</th>
                <th scope="col">status</th>
                <th scope="col">enqueued</th>
                <th scope="col">ended</th>
              </tr>
            </thead>
            <tbody>
              {list.data?.jobs.map((job) => (
                <tr data-job={job.job_id} class={selected?.jobId === job.job_id ? 'selected' : ''}>
                  <th scope="row">
                    <button type="button" class="link" onClick={() => select({ queue, jobId: job.job_id })}>
                      {job.job_id}
                    </button>
                  </th>
                  <td>{job.name}</td>
                  <td>
                    <span class={`badge status-${job.status}`}>{job.status}</span>
                  </td>
                  <td>{formatDate(job.enqueued_at)}</td>
                  <td>{formatDate(job.ended_at)}</td>
                </tr>
              ))}
              {list.data?.count === 0 && (
                <tr>
                  <td colSpan={5}>No {status} job in {queue}.</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {selected && <JobDetailPanel session={session} job={selected} confirm={confirm} close={() => select(undefined)} />}
      </div>
      <ConfirmDialog action={pending} onClose={closeDialog} />
    </section>
  );
}

function JobDetailPanel({
  session,
  job,
  confirm,
  close,
}: {
  session: Session;
  job: JobRef;
  confirm: (title: string, description: string, run: () => Promise<unknown>) => void;
  close: () => void;
}) {
  const detail = usePoll(() => loadJob(session, job), `job:${job.queue ?? '*'}:${job.jobId}`);
  const d = detail.data;
  return (
    <aside class="detail" aria-labelledby="job-title" data-testid="job-detail">
      <div class="toolbar">
        <h2 id="job-title">Job {job.jobId}</h2>
        <button type="button" onClick={close} aria-label="Close job detail">
          ✕
        </button>
      </div>
      {detail.error && <p class="error" role="alert">{detail.error}</p>}
      {d && (
        <>
          <dl>
            <dt>queue</dt>
            <dd>{d.queue_name}</dd>
            <dt>name</dt>
            <dd>{d.name}</dd>
            <dt>status</dt>
            <dd>
              <span class={`badge status-${d.status}`} data-testid="job-status">
                {d.status}
              </span>
            </dd>
            <dt>attempts</dt>
            <dd>
              {d.attempts_made} of {d.attempts_allowed}
            </dd>
            <dt>progress</dt>
            <dd>{JSON.stringify(d.progress)}</dd>
            <dt>priority</dt>
            <dd>{d.priority}</dd>
            <dt>worker</dt>
            <dd>{d.worker_name ?? '–'}</dd>
            <dt>created / enqueued</dt>
            <dd>
              {formatDate(d.created_at)} / {formatDate(d.enqueued_at)}
            </dd>
            <dt>started / ended</dt>
            <dd>
              {formatDate(d.started_at)} / {formatDate(d.ended_at)}
            </dd>
            <dt>wait / duration</dt>
            <dd>
              {formatMs(d.wait_ms)} / {formatMs(d.duration_ms)}
            </dd>
          </dl>
          <JobActions session={session} detail={d} confirm={confirm} />
          <h3>Data</h3>
          <pre>{JSON.stringify(d.data, null, 2)}</pre>
          {d.result !== null && (
            <>
              <h3>Result</h3>
              <pre>{JSON.stringify(d.result, null, 2)}</pre>
            </>
          )}
          {d.error && (
            <>
              <h3>Error</h3>
              <pre class="error" data-testid="job-error">{d.error}</pre>
            </>
          )}
          {d.stack_trace && (
            <details>
              <summary>Stack trace</summary>
              <pre>{d.stack_trace}</pre>
            </details>
          )}
          {d.logs.length > 0 && (
            <>
              <h3>Logs</h3>
              <pre>{d.logs.join('\n')}</pre>
            </>
          )}
        </>
      )}
    </aside>
  );
}

function JobActions({
  session,
  detail,
  confirm,
}: {
  session: Session;
  detail: JobDetail;
  confirm: (title: string, description: string, run: () => Promise<unknown>) => void;
}) {
  const path = { queue_name: detail.queue_name, job_id: detail.job_id };
  const api = session.api;
  return (
    <div class="toolbar" role="group" aria-label="Job actions">
      {detail.status === 'failed' && (
        <button type="button" data-testid="requeue" onClick={() => confirm(`Requeue job ${detail.job_id}`, 'The job runs again from the start.', () => api.POST('/api/v1/rq/queues/{queue_name}/jobs/{job_id}/requeue', { params: { path } }).then(unwrap))}>
          Requeue
        </button>
      )}
      {['queued', 'scheduled', 'deferred'].includes(detail.status) && (
        <button type="button" onClick={() => confirm(`Cancel job ${detail.job_id}`, 'The job is removed and recorded as canceled.', () => api.POST('/api/v1/rq/queues/{queue_name}/jobs/{job_id}/cancel', { params: { path } }).then(unwrap))}>
          Cancel
        </button>
      )}
      {detail.status === 'started' && (
        <button type="button" onClick={() => confirm(`Abort job ${detail.job_id}`, 'The worker stops it; it fails with JOB_ABORTED.', () => api.POST('/api/v1/rq/queues/{queue_name}/jobs/{job_id}/abort', { params: { path }, body: { reason: 'aborted from the monitoring panel' } }).then(unwrap))}>
          Abort
        </button>
      )}
      {detail.status === 'scheduled' && (
        <button type="button" onClick={() => confirm(`Run job ${detail.job_id} now`, 'The delay is skipped.', () => api.POST('/api/v1/rq/queues/{queue_name}/jobs/{job_id}/promote', { params: { path } }).then(unwrap))}>
          Promote
        </button>
      )}
    </div>
  );
}

async function loadJob(session: Session, job: JobRef): Promise<JobDetail> {
  if (job.queue) {
    return unwrap(
      await session.api.GET('/api/v1/rq/queues/{queue_name}/jobs/{job_id}', {
        params: { path: { queue_name: job.queue, job_id: job.jobId } },
      }),
    );
  }
  return unwrap(await session.api.GET('/api/v1/rq/jobs/{job_id}', { params: { path: { job_id: job.jobId } } }));
}
