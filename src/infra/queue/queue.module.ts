import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobReconciliationRepository } from './job-reconciliation.repository.js';
import { TaskQueueService } from './task-queue.service.js';
import { WorkerRunner } from './worker-runner.service.js';

/** The producer facade for every module, and the runner that serves this process's queues. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [TaskQueueService, WorkerRunner, JobReconciliationRepository],
  exports: [TaskQueueService, WorkerRunner, JobReconciliationRepository],
})
export class QueueModule {}
