import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_JOB_STATUSES } from '../../infra/queue/job-status.js';
import { TASK_PRIORITIES } from '../../infra/queue/task-priority.js';

export class JobSummaryDto {
  @ApiProperty({ example: '42' }) job_id!: string;
  @ApiProperty({ example: 'process-file' }) name!: string;
  @ApiProperty({ enum: [...API_JOB_STATUSES, 'unknown'], example: 'failed' }) status!: string;
  @ApiProperty({ enum: TASK_PRIORITIES, example: 'normal' }) priority!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { file_id: '7f0c…' } }) data!: unknown;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-28T21:00:00.000Z' }) created_at!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-28T21:00:00.000Z' }) enqueued_at!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-28T21:00:01.000Z' }) started_at!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-28T21:00:03.500Z' }) ended_at!: string | null;
  @ApiProperty({ nullable: true, description: 'Return value of a finished job', example: null }) result!: unknown;
  @ApiProperty({ type: String, nullable: true, example: 'Error: unsupported file type\n    at …' }) exc_info!: string | null;
  @ApiPropertyOptional({ example: 'default', description: 'The worker pool whose queue holds it (ROUTES_FILE)' }) pool?: string;
  @ApiPropertyOptional({ example: '1', description: 'The queue shard holding it (with QUEUE_SHARDS)' }) shard?: string;
}

export class JobListDto {
  @ApiProperty({ type: [JobSummaryDto] }) jobs!: JobSummaryDto[];
  @ApiProperty({ example: 1, description: 'Number of jobs returned' }) count!: number;
}

export class JobRefDto {
  @ApiProperty({ example: 'kg_extraction' }) queue_name!: string;
  @ApiProperty({ example: '3f0c2a9e-8a55-4a5e-9d0e-2f1b7c1d9e11' }) job_id!: string;
}

export class JobDependencyDto extends JobRefDto {
  @ApiProperty({
    enum: ['pending', 'finished', 'failed', 'failure_allowed'],
    description: '`failed` canceled this job (DEPENDENCY_FAILED); `failure_allowed` failed without stopping it',
  })
  state!: string;
}

export class JobDependenciesDto {
  @ApiProperty({ type: JobRefDto, nullable: true, description: 'The job waiting on this one' }) parent!: JobRefDto | null;
  @ApiProperty({ type: [JobDependencyDto], description: 'The jobs this one depends on' }) children!: JobDependencyDto[];
  @ApiProperty({ type: [JobRefDto], description: 'Dependencies not finished yet (a `deferred` job waits on them)' })
  waiting_on!: JobRefDto[];
}

export class JobDetailDto extends JobSummaryDto {
  @ApiProperty({ example: 'file_processing' }) queue_name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'unsupported file type' }) error!: string | null;
  @ApiProperty({ type: [String], example: ['Error: unsupported file type\n    at …'] }) stack_trace!: string[];
  @ApiProperty({ example: 100, description: 'Number or object reported by the processor' }) progress!: unknown;
  @ApiProperty({ example: 1 }) attempts_made!: number;
  @ApiProperty({ example: 3 }) attempts_allowed!: number;
  @ApiProperty({ example: 0 }) delay_ms!: number;
  @ApiProperty({ type: Number, nullable: true, example: 2500 }) duration_ms!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 1000 }) wait_ms!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'api-1.1234.ab12' }) worker_name!: string | null;
  @ApiProperty({ type: [String], example: ['parsed 12 pages', 'chunked into 40 chunks'] }) logs!: string[];
  @ApiPropertyOptional({ format: 'date-time' }) canceled_at?: string;
  @ApiPropertyOptional({ type: JobDependenciesDto, description: 'Its place in a flow (absent for a canceled record)' })
  dependencies?: JobDependenciesDto;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'pool has no worker',
    description:
      'Why a queued or scheduled job waits: `pool has no worker` when no live worker of its pool can take it (in-house, ' +
      'a remote token of the pool, or one bound to the job\'s owner); null otherwise',
  })
  waiting_reason?: string | null;
}

export class JobActionResultDto {
  @ApiProperty({ example: '42' }) job_id!: string;
  @ApiProperty({ example: 'file_processing' }) queue_name!: string;
  @ApiProperty({ example: 'failed' }) previous_status!: string;
  @ApiProperty({ example: 'queued' }) status!: string;
}

export class AbortResultDto extends JobActionResultDto {
  @ApiProperty({ example: true }) abort_requested!: true;
  @ApiProperty({ example: 'aborted by an operator' }) reason!: string;
}

export class RequeueFailedResultDto {
  @ApiProperty({ example: 'file_processing' }) queue_name!: string;
  @ApiProperty({ example: 5 }) requeued!: number;
}

export class QueuePauseResultDto {
  @ApiProperty({ example: 'file_processing' }) queue_name!: string;
  @ApiProperty({ example: true }) paused!: boolean;
}

export class CleanResultDto {
  @ApiProperty({ example: 'file_processing' }) queue_name!: string;
  @ApiProperty({ enum: ['finished', 'failed'], example: 'finished' }) status!: string;
  @ApiProperty({ example: 86400 }) older_than_seconds!: number;
  @ApiProperty({ example: 120 }) removed!: number;
}
