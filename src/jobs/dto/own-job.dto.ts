import { ApiProperty } from '@nestjs/swagger';
import { API_JOB_STATUSES } from '../../infra/queue/job-status.js';
import { ALL_QUEUES } from '../../infra/queue/queue-names.js';
import { TASK_PRIORITIES } from '../../infra/queue/task-priority.js';

const DATE = { type: String, format: 'date-time', nullable: true } as const;

/** One of a user's jobs, in any queue. */
export class OwnJobDto {
  @ApiProperty({ example: 'file:7f0c…:process' }) job_id!: string;
  @ApiProperty({ enum: ALL_QUEUES, example: 'file_processing' }) queue!: string;
  @ApiProperty({ example: 'process-file' }) name!: string;
  @ApiProperty({ enum: [...API_JOB_STATUSES, 'unknown'], example: 'queued' }) status!: string;
  @ApiProperty({ enum: TASK_PRIORITIES, example: 'normal' }) priority!: string;
  @ApiProperty({ example: 40, description: 'Number or object reported by the processor' }) progress!: unknown;
  @ApiProperty({ type: String, nullable: true, example: '7f0c…' }) file_id!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The owner' }) user_id!: string;
  @ApiProperty(DATE) created_at!: string | null;
  @ApiProperty(DATE) started_at!: string | null;
  @ApiProperty(DATE) ended_at!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) error!: string | null;
}

export class OwnJobListDto {
  @ApiProperty({ type: [OwnJobDto] }) jobs!: OwnJobDto[];
  @ApiProperty({ example: 1, description: 'Jobs matching the filters, across pages' }) total!: number;
}

export class CancelJobResultDto {
  @ApiProperty() job_id!: string;
  @ApiProperty({ enum: ALL_QUEUES }) queue!: string;
  @ApiProperty({ example: 'queued' }) previous_status!: string;
  @ApiProperty({ example: 'canceled', description: '`canceled`, or `started` while a running job is being aborted' })
  status!: string;
  @ApiProperty({ description: 'The job was running: its worker was told to abort it (it ends failed, JOB_ABORTED)' })
  abort_requested!: boolean;
}
