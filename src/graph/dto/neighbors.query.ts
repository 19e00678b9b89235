import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class NeighborsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 3, default: 1, description: 'Relations to follow, either direction' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3)
  depth?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100, description: 'Neighbors to return, nearest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
