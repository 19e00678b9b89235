import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

const COUNT = { type: Number, nullable: true, minimum: 0, description: 'null: back to the default' } as const;

/** An admin's changes to a user's limits: a field left out stays, null returns it to the default. */
export class UpdateQuotaDto {
  @ApiPropertyOptional({ ...COUNT, maximum: 2_147_483_647 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  max_active_jobs?: number | null;

  @ApiPropertyOptional({ ...COUNT, maximum: Number.MAX_SAFE_INTEGER })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  max_storage_bytes?: number | null;

  @ApiPropertyOptional({ ...COUNT, maximum: 2_147_483_647 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  max_files?: number | null;

  @ApiPropertyOptional({ ...COUNT, maximum: 2_147_483_647 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  max_uploads_per_hour?: number | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'null: back to the default' })
  @IsOptional()
  @IsBoolean()
  allow_high_priority?: boolean | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 1000, description: 'null: back to the default' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  weight?: number | null;
}
