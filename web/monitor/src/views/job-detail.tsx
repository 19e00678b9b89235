import { unwrap, type Schemas } from '../../../client/api-client';
import { ActionButton } from '../components/action-button';
import type { AskConfirmation } from '../components/confirm-dialog';
import { formatDate, formatMs } from '../format';
import type { Session } from '../session';
import { usePoll } from '../use-poll';
import type { JobRef } from './jobs';

type JobDetail = Schemas['JobDetailDto'];

export function JobDetailPanel({
  session,
  job,
  confirm,
  close,
}: {
  session: Session;
  job: JobRef;
  confirm: AskConfirmation;
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
          {d.dependencies && (d.dependencies.parent || d.dependencies.children.length > 0) && (
            <Dependencies dependencies={d.dependencies} />
          )}
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

/** The job's place in a flow: what waits on it, and what it depends on with each one's state. */
function Dependencies({ dependencies }: { dependencies: NonNullable<JobDetail['dependencies']> }) {
  const waiting = new Set(dependencies.waiting_on.map((ref) => `${ref.queue_name}/${ref.job_id}`));
  return (
    <section data-testid="job-dependencies">
      <h3>Dependencies</h3>
      {dependencies.parent && (
        <p>
          waited on by {dependencies.parent.queue_name}/{dependencies.parent.job_id}
        </p>
      )}
      {dependencies.children.length > 0 && (
        <ul>
          {dependencies.children.map((child) => (
            <li key={`${child.queue_name}/${child.job_id}`}>
              {child.queue_name}/{child.job_id}: {child.state}
              {waiting.has(`${child.queue_name}/${child.job_id}`) ? ' (waiting on it)' : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function JobActions({
  session,
  detail,
  confirm,
}: {
  session: Session;
  detail: JobDetail;
  confirm: AskConfirmation;
}) {
  const path = { queue_name: detail.queue_name, job_id: detail.job_id };
  const api = session.api;
  return (
    <div class="toolbar" role="group" aria-label="Job actions">
      {detail.status === 'failed' && (
        <ActionButton
          label="Requeue"
          testId="requeue"
          title={`Requeue job ${detail.job_id}`}
          description="The job runs again from the start."
          run={() => api.POST('/api/v1/rq/queues/{queue_name}/jobs/{job_id}/requeue', { params: { path } }).then(unwrap)}
          confirm={confirm}
        />
      )}
      {['queued', 'scheduled', 'deferred'].includes(detail.status) && (
        <ActionButton
          label="Cancel"
          title={`Cancel job ${detail.job_id}`}
          description="The job is removed and recorded as canceled."
          run={() => api.POST('/api/v1/rq/queues/{queue_name}/jobs/{job_id}/cancel', { params: { path } }).then(unwrap)}
          confirm={confirm}
        />
      )}
      {detail.status === 'started' && (
        <ActionButton
          label="Abort"
          title={`Abort job ${detail.job_id}`}
          description="The worker stops it; it fails with JOB_ABORTED."
          run={() =>
            api
              .POST('/api/v1/rq/queues/{queue_name}/jobs/{job_id}/abort', {
                params: { path },
                body: { reason: 'aborted from the monitoring panel' },
              })
              .then(unwrap)
          }
          confirm={confirm}
        />
      )}
      {detail.status === 'scheduled' && (
        <ActionButton
          label="Promote"
          title={`Run job ${detail.job_id} now`}
          description="The delay is skipped."
          run={() => api.POST('/api/v1/rq/queues/{queue_name}/jobs/{job_id}/promote', { params: { path } }).then(unwrap)}
          confirm={confirm}
        />
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
