import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min, ValidateBy } from 'class-validator';
import {
  AGENT_ID_PATTERN,
  DEFAULT_AGENT_ID,
  MAX_TTL_SECONDS,
  MAX_VALUE_BYTES,
  MIN_TTL_SECONDS,
} from '../memory.constants.js';
import { RedisTtl } from '../../infra/redis/redis-keys.js';
import { AGENT_ID_MESSAGE } from './agent.query.js';

export class PutMemoryDto {
  @ApiProperty({
    description: `Any JSON value (null included), at most ${MAX_VALUE_BYTES} bytes once serialized (else 413)`,
    example: { summary: 'The user prefers short answers.' },
  })
  @ValidateBy({
    name: 'isJsonValue',
    validator: { validate: (value: unknown) => value !== undefined, defaultMessage: () => 'value is required' },
  })
  value!: unknown;

  @ApiPropertyOptional({
    minimum: MIN_TTL_SECONDS,
    maximum: MAX_TTL_SECONDS,
    default: RedisTtl.agentMemoryDefaultSeconds,
  })
  @IsOptional()
  @IsInt()
  @Min(MIN_TTL_SECONDS)
  @Max(MAX_TTL_SECONDS)
  ttl_seconds?: number;

  @ApiPropertyOptional({ description: '1..256 characters of [A-Za-z0-9._-]', default: DEFAULT_AGENT_ID })
  @IsOptional()
  @Matches(AGENT_ID_PATTERN, { message: AGENT_ID_MESSAGE })
  agent_id?: string;

  @ApiPropertyOptional({ description: 'Restart the TTL on every read', default: false })
  @IsOptional()
  @IsBoolean()
  refresh_on_read?: boolean;

  @ApiPropertyOptional({ description: 'Also consolidate into long-term memory (searchable after expiry)', default: true })
  @IsOptional()
  @IsBoolean()
  persist?: boolean;
}
