import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class RequeueFailedDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100000, description: 'Requeue at most this many (oldest failures first); all when omitted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  count?: number;
}

export class AbortJobDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'stuck on a huge PDF' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class CleanQueueDto {
  @ApiProperty({ enum: ['finished', 'failed'] })
  @IsIn(['finished', 'failed'])
  status!: 'finished' | 'failed';

  @ApiProperty({ minimum: 0, example: 86400, description: 'Remove jobs that ended more than this many seconds ago' })
  @IsInt()
  @Min(0)
  older_than_seconds!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000000, description: 'Remove at most this many; all when omitted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000000)
  limit?: number;
}
