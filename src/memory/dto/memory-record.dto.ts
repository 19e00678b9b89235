import { ApiProperty } from '@nestjs/swagger';

/** One short-term memory as the API returns it. */
export class MemoryRecordDto {
  @ApiProperty({ example: 'session.summary' }) key!: string;
  @ApiProperty({ example: 'default' }) agent_id!: string;
  @ApiProperty({ description: 'The stored JSON value', example: { summary: 'The user prefers short answers.' } })
  value!: unknown;
  @ApiProperty({ example: 3600 }) ttl_seconds!: number;
  @ApiProperty({ example: 3599 }) ttl_seconds_remaining!: number;
  @ApiProperty() refresh_on_read!: boolean;
  @ApiProperty() persist!: boolean;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class MemoryDeletedDto {
  @ApiProperty() key!: string;
  @ApiProperty() agent_id!: string;
  @ApiProperty({ description: 'The short-term key existed' }) short_term_deleted!: boolean;
  @ApiProperty({ description: 'A long-term row existed' }) long_term_deleted!: boolean;
}
