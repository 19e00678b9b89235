import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class StageStateDto {
  @ApiProperty({ enum: ['pending', 'processing', 'completed', 'failed', 'skipped'] }) status: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
}

/** `processing:status:{file_id}`, the shape the frontend reads. */
export class ProcessingStatusResponseDto {
  @ApiProperty({ format: 'uuid' }) file_id: string;
  @ApiProperty({ enum: ['queued', 'processing', 'completed', 'failed'] }) status: string;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Weighted sum of the stages' }) progress: number;
  @ApiProperty() chunking: StageStateDto;
  @ApiProperty() vectorization: StageStateDto;
  @ApiProperty() storage: StageStateDto;
  @ApiProperty() kg_extraction: StageStateDto;
  @ApiProperty() message: string;
  @ApiPropertyOptional({
    type: Boolean,
    description: "Present (true) once storage completed: search finds the file's chunks (the graph stage may still run)",
  })
  searchable?: true;
}

export class UploadProgressResponseDto {
  @ApiProperty({ format: 'uuid' }) file_id: string;
  @ApiProperty({ enum: ['uploading', 'completed', 'failed'] }) status: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty() bytes_received: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Request size announced by the client, if any' })
  total_bytes: number | null;
}
