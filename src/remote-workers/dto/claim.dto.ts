import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { REMOTE_QUEUES, type RemoteQueue } from '../remote-queues.js';

export class ClaimDto {
  @ApiProperty({ enum: REMOTE_QUEUES, isArray: true, minItems: 1, maxItems: REMOTE_QUEUES.length, description: 'Queues to take a job from, in this order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REMOTE_QUEUES.length)
  @IsIn(REMOTE_QUEUES, { each: true })
  queues!: RemoteQueue[];

  @ApiPropertyOptional({ minimum: 0, maximum: 120_000, default: 0, description: 'Long-poll up to this long (capped by REMOTE_CLAIM_MAX_WAIT_MS)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120_000)
  max_wait_ms?: number;
}

export class LeasedJobDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'vectorize-file' }) name!: string;
  @ApiProperty({ enum: REMOTE_QUEUES }) queue!: RemoteQueue;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
}

export class LeaseDto {
  @ApiProperty({ format: 'uuid' }) lease_id!: string;
  @ApiProperty({ type: LeasedJobDto }) job!: LeasedJobDto;
  @ApiProperty({ format: 'date-time' }) lease_expires_at!: string;
}
