import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class ThroughputQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 10080, default: 60, description: 'Window in minutes (up to one week)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10080)
  window: number = 60;
}
