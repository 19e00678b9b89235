import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/auth.decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ListJobsQuery } from './dto/list-jobs.query.js';
import { CancelJobResultDto, OwnJobDto, OwnJobListDto } from './dto/own-job.dto.js';
import { JobsService } from './jobs.service.js';

@ApiTags('jobs')
@ApiBearerAuth('bearer')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @ResponseMessage('Jobs retrieved')
  @ApiOperation({ summary: "The caller's jobs across queues, newest first (admins: every user's, or ?user_id=)" })
  @ApiOkResponse({ type: OwnJobListDto })
  @ApiResponse({ status: 403, description: 'user_id of another user without the admin role' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListJobsQuery): Promise<OwnJobListDto> {
    return this.jobs.list(user, query);
  }

  @Get(':job_id')
  @ResponseMessage('Job retrieved')
  @ApiOperation({ summary: 'One of the caller\'s jobs' })
  @ApiOkResponse({ type: OwnJobDto })
  @ApiResponse({ status: 404, description: "No such job among the caller's" })
  get(@CurrentUser() user: AuthUser, @Param('job_id') jobId: string): Promise<OwnJobDto> {
    return this.jobs.get(user, jobId);
  }

  @Post(':job_id/cancel')
  @HttpCode(HttpStatus.OK)
  @ResponseMessage('Job canceled')
  @ApiOperation({ summary: 'Cancel a queued job (a running one is aborted and ends failed, JOB_ABORTED)' })
  @ApiOkResponse({ type: CancelJobResultDto })
  @ApiResponse({ status: 404, description: "No such job among the caller's" })
  @ApiResponse({ status: 409, description: 'JOB_STATUS_CONFLICT: the job already ended' })
  cancel(@CurrentUser() user: AuthUser, @Param('job_id') jobId: string): Promise<CancelJobResultDto> {
    return this.jobs.cancel(user, jobId);
  }
}
