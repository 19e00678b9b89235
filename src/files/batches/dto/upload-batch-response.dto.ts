import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BatchPartErrorDto {
  @ApiProperty({ example: 'UNSUPPORTED_FILE_TYPE' }) code: string;
  @ApiProperty() message: string;
}

/** One part of a batch upload: the file it created, or why it was refused. */
export class BatchPartDto {
  @ApiProperty({ description: "The client's file name (metadata only)" }) filename: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Absent when the part was refused' }) file_id?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Null for a duplicate (no new job)' }) job_id?: string | null;
  @ApiPropertyOptional({ example: 'queued', description: '`queued`, or `duplicate` when the same content was uploaded before' })
  status?: string;
  @ApiPropertyOptional({ type: BatchPartErrorDto, description: 'Why this part was refused (the others are not)' })
  error?: BatchPartErrorDto;
}

export class BatchUploadAcceptedDto {
  @ApiProperty({ format: 'uuid' }) batch_id: string;
  @ApiProperty({ type: [BatchPartDto], description: 'One entry per `file` part, in the order sent' }) files: BatchPartDto[];
}

export class BatchFileStatusDto {
  @ApiProperty() filename: string;
  @ApiPropertyOptional({ format: 'uuid' }) file_id?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) job_id?: string | null;
  @ApiProperty({ enum: ['queued', 'processing', 'completed', 'failed'] }) status: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ description: "The file's chunks are stored and found by search" }) searchable: boolean;
  @ApiPropertyOptional({ type: BatchPartErrorDto, description: 'A refused part, or a file deleted since' }) error?: BatchPartErrorDto;
}

export class BatchCountsDto {
  @ApiProperty() queued: number;
  @ApiProperty() processing: number;
  @ApiProperty() completed: number;
  @ApiProperty({ description: 'Failed files and refused parts' }) failed: number;
}

export class UploadBatchStatusDto {
  @ApiProperty({ format: 'uuid' }) batch_id: string;
  @ApiProperty({ description: 'Parts sent, refused ones included' }) total: number;
  @ApiProperty({ type: BatchCountsDto }) counts: BatchCountsDto;
  @ApiProperty({ description: 'How many files are searchable' }) searchable: number;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Mean progress over the parts' }) progress: number;
  @ApiProperty({ description: 'Every part has ended (completed or failed)' }) done: boolean;
  @ApiProperty({ type: [BatchFileStatusDto] }) files: BatchFileStatusDto[];
}
