import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** `?shard=`: narrows a monitor route to one queue shard (QUEUE_SHARDS position; unset = every shard). */
export class ShardQuery {
  @ApiPropertyOptional({ description: 'Only this queue shard (0, 1, … in QUEUE_SHARDS order); default every shard', example: '0' })
  @IsOptional()
  @Matches(/^\d{1,3}$/, { message: 'shard must be a shard number (0, 1, …)' })
  shard?: string;
}
