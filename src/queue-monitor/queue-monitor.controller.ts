import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators.js';
import { ApiAdminErrors, ApiBadInput, ApiEnvelope, ApiQueueNotFound } from './dto/api-envelope.decorator.js';
import { JobDetailDto, JobListDto } from './dto/job-responses.dto.js';
import { ListJobsQuery } from './dto/list-jobs.query.js';
import { ShardQuery } from './dto/shard.query.js';
import { JobParams, QueueJobParams, QueueParams } from './dto/monitor-params.js';
import { AllQueueStatsDto, PoolQueueDto, QueueListDto, QueueStatsDto } from './dto/queue-responses.dto.js';
import { WorkerListDto } from './dto/worker-responses.dto.js';
import { JobDetail, JobSummary } from './job-view.js';
import { QueueJobsService } from './queue-jobs.service.js';
import { QueueStats } from './queue-stats.js';
import { QueueStatsService } from './queue-stats.service.js';
import { WorkerStatusService, WorkerView } from './worker-status.service.js';

/** The original system's /rq read routes: queues, counts, jobs, workers. Admins only. */
@ApiTags('queue monitor')
@ApiBearerAuth('bearer')
@ApiAdminErrors()
@Roles('admin')
@ApiExtraModels(PoolQueueDto)
@Controller('rq')
export class QueueMonitorController {
  constructor(
    private readonly stats: QueueStatsService,
    private readonly jobs: QueueJobsService,
    private readonly workerStatus: WorkerStatusService,
  ) {}

  @Get('queues')
  @ApiOperation({ summary: 'Names of every queue, and each one\'s worker pools' })
  @ApiEnvelope(QueueListDto)
  queues(): ReturnType<QueueStatsService['queueNames']> {
    return this.stats.queueNames();
  }

  @Get('queues/stats')
  @ApiOperation({ summary: 'Counts per status of every queue (from BullMQ counters, constant cost)' })
  @ApiEnvelope(AllQueueStatsDto)
  allStats(@Query() query: ShardQuery): Promise<{ queues: Record<string, QueueStats> }> {
    return this.stats.allStats(query.shard);
  }

  @Get('queues/:queue_name/stats')
  @ApiOperation({ summary: 'Counts per status of one queue' })
  @ApiEnvelope(QueueStatsDto)
  @ApiQueueNotFound()
  queueStats(@Param() params: QueueParams, @Query() query: ShardQuery): Promise<QueueStats> {
    return this.stats.stats(params.queue_name, undefined, query.shard);
  }

  @Get('queues/:queue_name/jobs')
  @ApiOperation({ summary: 'Jobs of one status (queued: next to run first; others: most recent first)' })
  @ApiEnvelope(JobListDto)
  @ApiQueueNotFound()
  @ApiBadInput()
  listJobs(@Param() params: QueueParams, @Query() query: ListJobsQuery): Promise<{ jobs: JobSummary[]; count: number }> {
    return this.jobs.list(params.queue_name, query.status, query.limit, query.shard);
  }

  @Get('queues/:queue_name/jobs/:job_id')
  @ApiOperation({ summary: 'One job: data, result, error and stack trace, progress, attempts, timings, worker, logs' })
  @ApiEnvelope(JobDetailDto)
  @ApiQueueNotFound()
  job(@Param() params: QueueJobParams, @Query() query: ShardQuery): Promise<JobDetail> {
    return this.jobs.detail(params.queue_name, params.job_id, query.shard);
  }

  @Get('jobs/:job_id')
  @ApiOperation({ summary: 'One job, in whichever queue holds it (ids are per queue: the first match wins)' })
  @ApiEnvelope(JobDetailDto)
  @ApiQueueNotFound()
  findJob(@Param() params: JobParams, @Query() query: ShardQuery): Promise<JobDetail> {
    return this.jobs.find(params.job_id, query.shard);
  }

  @Get('workers')
  @ApiOperation({ summary: 'Worker processes from the registry (dead after two missed heartbeats, then pruned)' })
  @ApiEnvelope(WorkerListDto)
  workers(): Promise<{ workers: WorkerView[]; count: number }> {
    return this.workerStatus.workers();
  }
}
