import { ApiProperty } from '@nestjs/swagger';
import { FileRecord } from '../file-core.types.js';
import type { StoredStages } from '../files.schema.js';

/** A file as the API shows it. */
export class FileResponseDto {
  @ApiProperty({ format: 'uuid' }) file_id: string;
  @ApiProperty({ description: "The client's original name (metadata only)" }) filename: string;
  @ApiProperty({ example: 'application/pdf' }) content_type: string;
  @ApiProperty({ enum: ['pdf', 'docx', 'html', 'md', 'txt', 'csv', 'json'] }) file_type: string;
  @ApiProperty() size_bytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ enum: ['queued', 'processing', 'completed', 'failed'] }) status: string;
  @ApiProperty() chunk_count: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() created_at: Date;
  @ApiProperty() updated_at: Date;
  @ApiProperty({ type: Date, nullable: true }) processed_at: Date | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Last run per stage: {status, progress, started_at, finished_at, duration_ms}',
  })
  stages: StoredStages | null;

  static from(file: FileRecord): FileResponseDto {
    return {
      file_id: file.id,
      filename: file.filename,
      content_type: file.content_type,
      file_type: file.file_type,
      size_bytes: file.size_bytes,
      sha256: file.sha256,
      status: file.status,
      chunk_count: file.chunk_count,
      error: file.error,
      created_at: file.created_at,
      updated_at: file.updated_at,
      processed_at: file.processed_at,
      stages: file.stages,
    };
  }
}

export class FileListResponseDto {
  @ApiProperty({ type: [FileResponseDto] }) files: FileResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

/** Same content uploaded again by the same user: the existing file, no new job. */
export class DuplicateUploadResponseDto extends FileResponseDto {
  @ApiProperty({ enum: [true] }) duplicate: true;
}

export class UploadAcceptedResponseDto {
  @ApiProperty({ format: 'uuid' }) file_id: string;
  @ApiProperty({ example: '6f1c…:process' }) job_id: string;
  @ApiProperty({
    example: 'queued',
    description: 'queued for a new job; with ?reprocess=true a job of this file still queued or running keeps its status',
  })
  status: string;
}
