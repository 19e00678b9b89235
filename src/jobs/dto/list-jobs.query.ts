import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../files/dto/files-query.dto.js';
import { API_JOB_STATUSES, type ApiJobStatus } from '../../infra/queue/job-status.js';
import { ALL_QUEUES, type QueueName } from '../../infra/queue/queue-names.js';

export class ListJobsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: API_JOB_STATUSES })
  @IsOptional()
  @IsIn(API_JOB_STATUSES)
  status?: ApiJobStatus;

  @ApiPropertyOptional({ enum: ALL_QUEUES })
  @IsOptional()
  @IsIn(ALL_QUEUES)
  queue?: QueueName;

  @ApiPropertyOptional({ format: 'uuid', description: "Admins: this user's jobs (default: every user's)" })
  @IsOptional()
  @IsUUID()
  user_id?: string;
}
