import { Injectable } from '@nestjs/common';
import { QueueName } from '../infra/queue/queue-names.js';
import { QueueProcessor, TypedJob, unknownJob } from '../infra/queue/queue-processor.js';
import { AuthJob, RevokeUserSessionsJob } from './auth.jobs.js';
import { SessionsService } from './sessions.service.js';

/** The `token_revocation` queue. */
@Injectable()
export class AuthProcessor extends QueueProcessor<AuthJob> {
  readonly queueName = QueueName.TokenRevocation;
  readonly jobNames = [RevokeUserSessionsJob.name] as const;

  constructor(private readonly sessions: SessionsService) {
    super();
  }

  async process(job: TypedJob<AuthJob>): Promise<{ revoked_tokens: number }> {
    switch (job.name) {
      case RevokeUserSessionsJob.name:
        return { revoked_tokens: await this.sessions.revokeAllForUser(job.data.user_id) };
      default: {
        // Compiles only while every job name above is handled.
        const unhandled: never = job.name;
        return unknownJob({ name: unhandled } as never);
      }
    }
  }
}
