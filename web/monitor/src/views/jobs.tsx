import { useState } from 'preact/hooks';
import { unwrap } from '../../../client/api-client';
import { ActionButton } from '../components/action-button';
import { type AskConfirmation, ConfirmDialog, type PendingAction } from '../components/confirm-dialog';
import { errorMessage, formatDate } from '../format';
import { JobDetailPanel } from './job-detail';
import type { Session } from '../session';
import { usePoll } from '../use-poll';

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

  const confirm: AskConfirmation = (title, description, run) => setPending({ title, description, run });
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
  const api = session.api;

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
          <ActionButton
            label="Resume queue"
            title={`Resume ${queue}`}
            description="Workers take new jobs again."
            run={() => api.POST('/api/v1/rq/queues/{queue_name}/resume', { params: { path } }).then(unwrap)}
            confirm={confirm}
          />
        ) : (
          <ActionButton
            label="Pause queue"
            title={`Pause ${queue}`}
            description="Workers finish running jobs and take no new ones."
            run={() => api.POST('/api/v1/rq/queues/{queue_name}/pause', { params: { path } }).then(unwrap)}
            confirm={confirm}
          />
        )}
        <ActionButton
          label="Requeue all failed"
          title={`Requeue every failed job of ${queue}`}
          description="Each failed job runs again."
          run={() => api.POST('/api/v1/rq/queues/{queue_name}/requeue-failed', { params: { path }, body: {} }).then(unwrap)}
          confirm={confirm}
        />
        {(status === 'finished' || status === 'failed') && (
          <ActionButton
            label={`Clean ${status} older than 1 h`}
            title={`Clean ${status} jobs of ${queue}`}
            description={`Removes ${status} jobs that ended more than an hour ago.`}
            run={() =>
              api.POST('/api/v1/rq/queues/{queue_name}/clean', { params: { path }, body: { status, older_than_seconds: 3600 } }).then(unwrap)
            }
            confirm={confirm}
          />
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
