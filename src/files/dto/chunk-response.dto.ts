import { ApiProperty } from '@nestjs/swagger';

export class ChunkResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) file_id: string;
  @ApiProperty() chunk_index: number;
  @ApiProperty() text: string;
  @ApiProperty({ description: "Character offset in the document's text" }) start_offset: number;
  @ApiProperty() end_offset: number;
  @ApiProperty({ type: Number, nullable: true, description: '1-based page (PDF), else null' }) page: number | null;
  @ApiProperty() token_count: number;
}

export class ChunkListResponseDto {
  @ApiProperty({ format: 'uuid' }) file_id: string;
  @ApiProperty({ type: [ChunkResponseDto] }) chunks: ChunkResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
