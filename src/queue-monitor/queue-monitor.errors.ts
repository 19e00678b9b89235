import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';
import { ALL_QUEUES } from '../infra/queue/queue-names.js';

export class QueueNotFoundError extends DomainError {
  constructor(queueName: string) {
    super('QUEUE_NOT_FOUND', `Queue "${queueName}" not found`, HttpStatus.NOT_FOUND, { known_queues: ALL_QUEUES });
  }
}

export class JobNotFoundError extends DomainError {
  constructor(jobId: string, queueName?: string) {
    super('JOB_NOT_FOUND', `Job "${jobId}" not found${queueName ? ` in queue "${queueName}"` : ''}`, HttpStatus.NOT_FOUND);
  }
}

/** The action does not apply to the job's current status (e.g. requeue a job that has not failed). */
export class JobStatusConflictError extends DomainError {
  constructor(jobId: string, status: string, action: string, allowed: readonly string[]) {
    super(
      'JOB_STATUS_CONFLICT',
      `Cannot ${action} job "${jobId}": its status is ${status} (allowed: ${allowed.join(', ')})`,
      HttpStatus.CONFLICT,
      { job_id: jobId, status, allowed },
    );
  }
}
