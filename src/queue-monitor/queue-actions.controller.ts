import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ApiAdminErrors, ApiBadInput, ApiEnvelope, ApiQueueNotFound, ApiStatusConflict } from './dto/api-envelope.decorator.js';
import { AbortJobDto, CleanQueueDto, RequeueFailedDto } from './dto/job-action.dto.js';
import {
  AbortResultDto,
  CleanResultDto,
  JobActionResultDto,
  QueuePauseResultDto,
  RequeueFailedResultDto,
} from './dto/job-responses.dto.js';
import { QueueJobParams, QueueParams } from './dto/monitor-params.js';
import { AbortResult, CleanResult, JobActionResult, QueuePauseResult, RequeueFailedResult } from './job-actions.js';
import { QueueActionsService } from './queue-actions.service.js';

/** Operator actions (POST only). Each answers what it changed. Admins only. */
@ApiTags('queue monitor')
@ApiBearerAuth('bearer')
@ApiAdminErrors()
@ApiQueueNotFound()
@Roles('admin')
@Controller('rq/queues/:queue_name')
export class QueueActionsController {
  constructor(private readonly actions: QueueActionsService) {}

  @Post('jobs/:job_id/requeue')
  @HttpCode(200)
  @ResponseMessage('Job requeued')
  @ApiOperation({ summary: 'Requeue a failed job' })
  @ApiEnvelope(JobActionResultDto, 'Job requeued')
  @ApiStatusConflict()
  requeue(@Param() params: QueueJobParams): Promise<JobActionResult> {
    return this.actions.requeue(params.queue_name, params.job_id);
  }

  @Post('requeue-failed')
  @HttpCode(200)
  @ResponseMessage('Failed jobs requeued')
  @ApiOperation({ summary: 'Requeue the failed jobs of a queue (all, or the oldest `count`)' })
  @ApiEnvelope(RequeueFailedResultDto, 'Failed jobs requeued')
  @ApiBadInput()
  requeueFailed(@Param() params: QueueParams, @Body() body: RequeueFailedDto): Promise<RequeueFailedResult> {
    return this.actions.requeueFailed(params.queue_name, body.count);
  }

  @Post('jobs/:job_id/cancel')
  @HttpCode(200)
  @ResponseMessage('Job canceled')
  @ApiOperation({ summary: 'Cancel a queued, scheduled or deferred job (removed, recorded as canceled)' })
  @ApiEnvelope(JobActionResultDto, 'Job canceled')
  @ApiStatusConflict()
  cancel(@Param() params: QueueJobParams): Promise<JobActionResult> {
    return this.actions.cancel(params.queue_name, params.job_id);
  }

  @Post('jobs/:job_id/abort')
  @HttpCode(200)
  @ResponseMessage('Abort requested')
  @ApiOperation({
    summary: 'Abort a started job: the worker running it gets the request over Redis, its AbortSignal fires and the job fails with JOB_ABORTED',
  })
  @ApiEnvelope(AbortResultDto, 'Abort requested')
  @ApiStatusConflict()
  @ApiBadInput()
  abort(@Param() params: QueueJobParams, @Body() body: AbortJobDto): Promise<AbortResult> {
    return this.actions.abort(params.queue_name, params.job_id, body.reason);
  }

  @Post('jobs/:job_id/promote')
  @HttpCode(200)
  @ResponseMessage('Job promoted')
  @ApiOperation({ summary: 'Run a scheduled job now' })
  @ApiEnvelope(JobActionResultDto, 'Job promoted')
  @ApiStatusConflict()
  promote(@Param() params: QueueJobParams): Promise<JobActionResult> {
    return this.actions.promote(params.queue_name, params.job_id);
  }

  @Post('pause')
  @HttpCode(200)
  @ResponseMessage('Queue paused')
  @ApiOperation({ summary: 'Pause a queue: workers finish running jobs and take no new ones' })
  @ApiEnvelope(QueuePauseResultDto, 'Queue paused')
  pause(@Param() params: QueueParams): Promise<QueuePauseResult> {
    return this.actions.pause(params.queue_name);
  }

  @Post('resume')
  @HttpCode(200)
  @ResponseMessage('Queue resumed')
  @ApiOperation({ summary: 'Resume a paused queue' })
  @ApiEnvelope(QueuePauseResultDto, 'Queue resumed')
  resume(@Param() params: QueueParams): Promise<QueuePauseResult> {
    return this.actions.resume(params.queue_name);
  }

  @Post('clean')
  @HttpCode(200)
  @ResponseMessage('Queue cleaned')
  @ApiOperation({ summary: 'Remove finished or failed jobs that ended more than N seconds ago' })
  @ApiEnvelope(CleanResultDto, 'Queue cleaned')
  @ApiBadInput()
  clean(@Param() params: QueueParams, @Body() body: CleanQueueDto): Promise<CleanResult> {
    return this.actions.clean(params.queue_name, body.status, body.older_than_seconds, body.limit);
  }
}
