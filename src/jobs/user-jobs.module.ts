import { Module } from '@nestjs/common';
import { QuotaModule } from '../quota/quota.module.js';
import { UserJobsRepository } from './user-jobs.repository.js';
import { UserTaskQueue } from './user-task-queue.js';

/** Enqueueing on a user's behalf (quota, priority, weight, own-jobs index); the routes are in JobsModule. */
@Module({
  imports: [QuotaModule],
  providers: [UserJobsRepository, UserTaskQueue],
  exports: [UserTaskQueue, UserJobsRepository, QuotaModule],
})
export class UserJobsModule {}
