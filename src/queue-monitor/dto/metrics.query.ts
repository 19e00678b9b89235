import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ShardQuery } from './shard.query.js';

export class MetricsQuery extends ShardQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 10080, default: 15, description: 'Window in minutes (up to one week)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10080)
  window: number = 15;
}
