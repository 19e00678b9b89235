import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { API_JOB_STATUSES } from '../../infra/queue/job-status.js';
import type { ApiJobStatus } from '../../infra/queue/job-status.js';
import { ShardQuery } from './shard.query.js';

export class ListJobsQuery extends ShardQuery {
  @ApiPropertyOptional({ enum: API_JOB_STATUSES, default: 'queued', description: 'Which jobs to list' })
  @IsOptional()
  @IsIn(API_JOB_STATUSES)
  status: ApiJobStatus = 'queued';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 10;
}
