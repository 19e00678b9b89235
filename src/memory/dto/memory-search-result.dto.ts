import { ApiProperty } from '@nestjs/swagger';

export class MemorySearchHitDto {
  @ApiProperty() key!: string;
  @ApiProperty() agent_id!: string;
  @ApiProperty({ description: 'The value as last consolidated' }) value!: unknown;
  @ApiProperty({ description: 'The text that was embedded' }) content!: string;
  @ApiProperty({ description: 'Cosine similarity, 1 = identical', example: 0.83 }) score!: number;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class MemorySearchResultDto {
  @ApiProperty() query!: string;
  @ApiProperty({ type: [MemorySearchHitDto] }) results!: MemorySearchHitDto[];
  @ApiProperty() count!: number;
}
