import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { JobPriorityDto } from '../../jobs/dto/job-priority.dto.js';

export const FILE_STATUSES = ['queued', 'processing', 'completed', 'failed'] as const;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER) // 1e23 is an "integer" too, and reaches SQL as "1e+23"
  offset: number = 0;
}

export class ListFilesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FILE_STATUSES })
  @IsOptional()
  @IsIn(FILE_STATUSES)
  status?: (typeof FILE_STATUSES)[number];
}

export class UploadQueryDto extends JobPriorityDto {
  @ApiPropertyOptional({ description: 'Process again even when the same content was uploaded before', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  reprocess?: boolean;
}
