import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AGENT_ID_PATTERN } from '../memory.constants.js';
import { AGENT_ID_MESSAGE } from './agent.query.js';

export class SearchMemoryDto {
  @ApiProperty({ example: 'what does the user prefer?', maxLength: 8192 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(8192)
  query!: string;

  @ApiPropertyOptional({ description: 'Only this agent\'s memories (default: every agent of the caller)' })
  @IsOptional()
  @Matches(AGENT_ID_PATTERN, { message: AGENT_ID_MESSAGE })
  agent_id?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  top_k?: number;
}
