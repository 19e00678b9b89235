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
  @ApiProperty({ description: 'Cosine similarity, -1..1 (higher is closer)' }) score: number;
}

export class VectorSearchResponseDto {
  @ApiProperty({ type: [VectorSearchResultDto] }) results: VectorSearchResultDto[];
}

export class VectorizeJobDto {
  @ApiProperty({ example: 'file:2b0c…:vectorize' }) job_id: string;
  @ApiProperty({ example: 'queued' }) status: string;
}
