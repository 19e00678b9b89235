import { ApiProperty } from '@nestjs/swagger';

export class MemoryListItemDto {
  @ApiProperty() key!: string;
  @ApiProperty() ttl_seconds_remaining!: number;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class MemoryListDto {
  @ApiProperty() agent_id!: string;
  @ApiProperty({ type: [MemoryListItemDto] }) items!: MemoryListItemDto[];
  @ApiProperty() count!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null at the end (a page may hold fewer than `limit` keys before the end)' })
  next_cursor!: string | null;
}
