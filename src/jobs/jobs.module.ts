import { Module } from '@nestjs/common';
import { QueueMonitorModule } from '../queue-monitor/queue-monitor.module.js';
import { JobsController } from './jobs.controller.js';
import { JobsService } from './jobs.service.js';
import { UserJobsModule } from './user-jobs.module.js';

/** The own-jobs routes (API only; enqueueing on a user's behalf is UserJobsModule). */
@Module({
  imports: [UserJobsModule, QueueMonitorModule],
  controllers: [JobsController],
  providers: [JobsService],
})
export class JobsModule {}
