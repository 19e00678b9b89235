import { HttpStatus, Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { JobDetail } from '../queue-monitor/job-view.js';
import { QueueActionsService } from '../queue-monitor/queue-actions.service.js';
import { QueueJobsService } from '../queue-monitor/queue-jobs.service.js';
import { JobNotFoundError } from '../queue-monitor/queue-monitor.errors.js';
import { QuotaService } from '../quota/quota.service.js';
import type { CancelJobResultDto, OwnJobDto, OwnJobListDto } from './dto/own-job.dto.js';
import type { ListJobsQuery } from './dto/list-jobs.query.js';
import { type UserJobRef, UserJobsRepository } from './user-jobs.repository.js';

/** Jobs loaded at once when a status filter makes every candidate's state needed. */
const LOAD_BATCH = 100;

/** The own-jobs API: a user's jobs across queues (admins: anyone's), one job, and cancel. */
@Injectable()
export class JobsService {
  constructor(
    private readonly index: UserJobsRepository,
    private readonly jobs: QueueJobsService,
    private readonly actions: QueueActionsService,
    private readonly quota: QuotaService,
  ) {}

  async list(caller: AuthUser, query: ListJobsQuery): Promise<OwnJobListDto> {
    const refs = (await this.index.list(this.scope(caller, query.user_id))).filter(
      (ref) => !query.queue || ref.queue === query.queue,
    );
    const end = query.offset + query.limit;
    if (!query.status) {
      // Only the page is loaded; jobs found gone on it leave the index (and the total).
      const pageRefs = refs.slice(query.offset, end);
      const page = await this.load(pageRefs);
      return { jobs: page, total: refs.length - (pageRefs.length - page.length) };
    }
    const matching = (await this.load(refs)).filter((job) => job.status === query.status);
    return { jobs: matching.slice(query.offset, end), total: matching.length };
  }

  async get(caller: AuthUser, jobId: string): Promise<OwnJobDto> {
    const ref = await this.find(caller, jobId);
    const job = await this.view(ref);
    if (!job) throw new JobNotFoundError(jobId);
    return job;
  }

  /** Cancels the caller's queued job; a running one is asked to abort (it then ends failed, JOB_ABORTED). */
  async cancel(caller: AuthUser, jobId: string): Promise<CancelJobResultDto> {
    const ref = await this.find(caller, jobId);
    const current = await this.jobs.detail(ref.queue, jobId);
    if (current.status === 'started') {
      await this.actions.abort(ref.queue, jobId, `canceled by ${caller.id === ref.userId ? 'its owner' : 'an admin'}`);
      return { job_id: jobId, queue: ref.queue, previous_status: 'started', status: 'started', abort_requested: true };
    }
    const result = await this.actions.cancel(ref.queue, jobId);
    await this.quota.releaseJob(ref.userId, ref.queue, jobId);
    return { job_id: jobId, queue: ref.queue, previous_status: result.previous_status, status: 'canceled', abort_requested: false };
  }

  /** Whose jobs: the caller's; an admin's choice of user, or everyone's. */
  private scope(caller: AuthUser, userId: string | undefined): string | undefined {
    if (caller.role === 'admin') return userId;
    if (userId !== undefined && userId !== caller.id) throw new DomainError('FORBIDDEN', "Only admins may list other users' jobs", HttpStatus.FORBIDDEN);
    return caller.id;
  }

  /** The job among the caller's (an admin: anyone's); another user's job is 404, as if it did not exist. */
  private async find(caller: AuthUser, jobId: string): Promise<UserJobRef> {
    const refs = await this.index.list(caller.role === 'admin' ? undefined : caller.id);
    const ref = refs.find((r) => r.jobId === jobId);
    if (!ref) throw new JobNotFoundError(jobId);
    return ref;
  }

  private async load(refs: UserJobRef[]): Promise<OwnJobDto[]> {
    const views: (OwnJobDto | undefined)[] = [];
    for (let i = 0; i < refs.length; i += LOAD_BATCH) {
      views.push(...(await Promise.all(refs.slice(i, i + LOAD_BATCH).map((ref) => this.view(ref)))));
    }
    return views.filter((view): view is OwnJobDto => view !== undefined);
  }

  /** The job's view; a job its queue no longer holds (expired, or removed without a record) leaves the index. */
  private async view(ref: UserJobRef): Promise<OwnJobDto | undefined> {
    try {
      return toOwnJob(ref, await this.jobs.detail(ref.queue, ref.jobId));
    } catch (error) {
      if (!(error instanceof JobNotFoundError)) throw error;
      await this.index.forget(ref);
      return undefined;
    }
  }
}

function toOwnJob(ref: UserJobRef, detail: JobDetail): OwnJobDto {
  const fileId = (detail.data as { file_id?: unknown } | null)?.file_id;
  return {
    job_id: detail.job_id,
    queue: ref.queue,
    name: detail.name,
    status: detail.status,
    priority: detail.priority,
    progress: detail.progress,
    file_id: typeof fileId === 'string' ? fileId : null,
    user_id: ref.userId,
    created_at: detail.created_at,
    started_at: detail.started_at,
    ended_at: detail.ended_at,
    error: detail.error,
  };
}
