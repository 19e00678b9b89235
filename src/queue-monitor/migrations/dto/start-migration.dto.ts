import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { type MigratableState } from '../job-mover.js';

export const MIGRATABLE_STATES: readonly MigratableState[] = ['waiting', 'delayed', 'failed'];
export const MIGRATION_MAX_JOBS = 1_000_000;

/** POST /rq/migrations: move a queue's jobs to another shard and/or another queue. */
export class StartMigrationDto {
  @ApiProperty({ example: 'file_processing', description: 'The queue whose jobs move' })
  @IsString()
  @MaxLength(100)
  queue!: string;

  @ApiProperty({ example: '0', description: 'The shard they leave (QUEUE_SHARDS position)' })
  @IsString()
  @Matches(/^\d{1,3}$/, { message: 'from_shard must be a shard number (0, 1, …)' })
  from_shard!: string;

  @ApiPropertyOptional({ example: '1', description: 'The shard they go to (default: from_shard; then to_queue is needed)' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,3}$/, { message: 'to_shard must be a shard number (0, 1, …)' })
  to_shard?: string;

  @ApiPropertyOptional({ example: 'vectorization', description: 'The queue they go to (default: the same queue)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  to_queue?: string;

  @ApiPropertyOptional({ enum: MIGRATABLE_STATES, isArray: true, default: MIGRATABLE_STATES, description: 'Running jobs never move' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MIGRATABLE_STATES, { each: true })
  states: MigratableState[] = [...MIGRATABLE_STATES];

  @ApiPropertyOptional({ minimum: 1, maximum: MIGRATION_MAX_JOBS, default: MIGRATION_MAX_JOBS, description: 'Move at most this many jobs' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MIGRATION_MAX_JOBS)
  limit: number = MIGRATION_MAX_JOBS;
}

export class MigrationParams {
  @ApiProperty({ example: '5b0f3c1e-8a40-4a57-9a3e-0f6f1d1c2b3a' })
  @IsString()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'migration_id must be a migration id' })
  migration_id!: string;
}

export class MigrationStartedDto {
  @ApiProperty({ example: '5b0f3c1e-8a40-4a57-9a3e-0f6f1d1c2b3a' }) migration_id!: string;
}

export class MigrationProgressDto {
  @ApiProperty() migration_id!: string;
  @ApiProperty({ example: 'file_processing' }) queue!: string;
  @ApiProperty({ example: '0' }) from_shard!: string;
  @ApiProperty({ example: '1' }) to_shard!: string;
  @ApiProperty({ example: 'file_processing' }) to_queue!: string;
  @ApiProperty({ enum: MIGRATABLE_STATES, isArray: true }) states!: string[];
  @ApiProperty({ example: 1000 }) limit!: number;
  @ApiProperty({ example: 950, description: 'Jobs now on the target (removed from the source)' }) moved!: number;
  @ApiProperty({ example: 3, description: 'Jobs that started or ended while the migration ran (left alone)' }) skipped!: number;
  @ApiProperty({ example: 0, description: 'Jobs the target already had another job with the same id for (left on the source)' })
  failed!: number;
  @ApiProperty() done!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why the migration stopped early (a shard went down)' }) error!: string | null;
  @ApiProperty() started_at!: string;
  @ApiProperty({ type: String, nullable: true }) finished_at!: string | null;
}
