import { ApiProperty } from '@nestjs/swagger';

const LIMIT = { type: Number, nullable: true, description: 'null: no limit (admins without limits of their own)' } as const;

export class QuotaLimitsDto {
  @ApiProperty({ ...LIMIT, example: 100 }) max_active_jobs!: number | null;
  @ApiProperty({ ...LIMIT, example: 10737418240 }) max_storage_bytes!: number | null;
  @ApiProperty({ ...LIMIT, example: 10000 }) max_files!: number | null;
  @ApiProperty({ ...LIMIT, example: 1000 }) max_uploads_per_hour!: number | null;
  @ApiProperty({ example: false, description: 'May send priority=high' }) allow_high_priority!: boolean;
  @ApiProperty({ example: 1, description: 'Fair-share weight between users' }) weight!: number;
}

export class QuotaUsageDto {
  @ApiProperty({ example: 3, description: 'Queued and running jobs, all queues' }) active_jobs!: number;
  @ApiProperty({ example: 1048576, description: 'Bytes of stored files, uploads in progress included' })
  storage_bytes!: number;
  @ApiProperty({ example: 12, description: 'Stored files, uploads in progress included' }) files!: number;
  @ApiProperty({ example: 4 }) uploads_last_hour!: number;
}

export class QuotaDto {
  @ApiProperty({ type: QuotaLimitsDto }) limits!: QuotaLimitsDto;
  @ApiProperty({ type: QuotaUsageDto }) usage!: QuotaUsageDto;
}

export class QuotaOverridesDto {
  @ApiProperty({ type: Number, nullable: true }) max_active_jobs!: number | null;
  @ApiProperty({ type: Number, nullable: true }) max_storage_bytes!: number | null;
  @ApiProperty({ type: Number, nullable: true }) max_files!: number | null;
  @ApiProperty({ type: Number, nullable: true }) max_uploads_per_hour!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) allow_high_priority!: boolean | null;
  @ApiProperty({ type: Number, nullable: true }) weight!: number | null;
}

/** A user's quota as an admin sees it: effective limits, the overrides behind them (null = default), usage. */
export class UserQuotaDto extends QuotaDto {
  @ApiProperty({ format: 'uuid' }) user_id!: string;
  @ApiProperty({ type: QuotaOverridesDto }) overrides!: QuotaOverridesDto;
}
