import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from '../memory.constants.js';
import { AgentQuery } from './agent.query.js';

export class ListMemoryQuery extends AgentQuery {
  @ApiPropertyOptional({ description: 'Only keys starting with this (0..256 characters of [A-Za-z0-9._:-])' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{0,256}$/, { message: 'prefix must be 0..256 characters of [A-Za-z0-9._:-]' })
  prefix?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIST_LIMIT, default: DEFAULT_LIST_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIST_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'The next_cursor of the previous page; omit for the first page' })
  @IsOptional()
  @MaxLength(64)
  cursor?: string;
}
