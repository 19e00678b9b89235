import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { MEMORY_KEY_PATTERN } from '../memory.constants.js';

export class MemoryKeyParams {
  @ApiProperty({ description: '1..256 characters of [A-Za-z0-9._:-]', example: 'session.summary' })
  @Matches(MEMORY_KEY_PATTERN, { message: 'key must be 1..256 characters of [A-Za-z0-9._:-]' })
  key!: string;
}
