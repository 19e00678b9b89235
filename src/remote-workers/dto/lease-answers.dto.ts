import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNumber, IsObject, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class HeartbeatDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  progress?: number;
}

export class CompleteDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'vectorize-file: {model, dimension, vectors: [{chunk_id, embedding}]}; extract-graph: {extractor, chunks: ' +
      '[{chunk_id, entities, relations, unsupported_language?}], failed_chunk_ids} (plus `vectors` when force_rechunk)',
  })
  @IsObject()
  result!: Record<string, unknown>;
}

export class FailDto {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  error!: string;

  @ApiProperty({ description: 'false: retrying cannot help, the job fails for good' })
  @IsBoolean()
  retryable!: boolean;
}

export class LeaseStateDto {
  @ApiProperty({ format: 'date-time' }) lease_expires_at!: string;
}

export class LeaseEndDto {
  @ApiProperty({ enum: ['completed', 'retrying', 'failed'] }) job_status!: 'completed' | 'retrying' | 'failed';
}
