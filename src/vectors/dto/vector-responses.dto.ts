import { ApiProperty } from '@nestjs/swagger';

export class FileVectorsDto {
  @ApiProperty({ format: 'uuid' }) file_id: string;
  @ApiProperty({ example: 'hash-v1', description: 'The configured embedding model; count covers only its vectors' })
  model: string;
  @ApiProperty({ example: 384 }) dimension: number;
  @ApiProperty({ example: 12 }) count: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updated_at: Date | null;
}

export class VectorSearchResultDto {
  @ApiProperty({ format: 'uuid' }) file_id: string;
  @ApiProperty() filename: string;
  @ApiProperty({ format: 'uuid' }) chunk_id: string;
  @ApiProperty() chunk_index: number;
  @ApiProperty() text: string;
  @ApiProperty({
    description:
      'What the results are ordered by: cosine similarity (-1..1) in vector mode, the text rank in text mode, ' +
      'the reciprocal-rank-fusion score in hybrid mode (higher is better)',
  })
  score: number;
  @ApiProperty({ enum: ['vector', 'text'], isArray: true, description: 'The lists that found this chunk' })
  found_by: ('vector' | 'text')[];
  @ApiProperty({ type: Number, nullable: true, description: 'Cosine similarity, when the vector list found it' })
  vector_score: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Full-text rank (ts_rank_cd), when the text list found it' })
  text_score: number | null;
}

export class VectorSearchResponseDto {
  @ApiProperty({ enum: ['vector', 'text', 'hybrid'] }) mode: 'vector' | 'text' | 'hybrid';
  @ApiProperty({ type: [VectorSearchResultDto] }) results: VectorSearchResultDto[];
}

export class VectorizeJobDto {
  @ApiProperty({ example: 'file:2b0c…:vectorize' }) job_id: string;
  @ApiProperty({ example: 'queued' }) status: string;
}
