import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AGENT_ID_PATTERN, DEFAULT_AGENT_ID } from '../memory.constants.js';

export const AGENT_ID_MESSAGE = 'agent_id must be 1..256 characters of [A-Za-z0-9._-]';

export class AgentQuery {
  @ApiPropertyOptional({ description: '1..256 characters of [A-Za-z0-9._-]', default: DEFAULT_AGENT_ID })
  @IsOptional()
  @Matches(AGENT_ID_PATTERN, { message: AGENT_ID_MESSAGE })
  agent_id?: string;
}
