import { ApiProperty } from '@nestjs/swagger';

export class QueueThroughputDto {
  @ApiProperty({ type: [Number], description: 'Jobs finished per bucket, oldest first' }) finished!: number[];
  @ApiProperty({ type: [Number], description: 'Jobs failed for good per bucket, oldest first' }) failed!: number[];
}

export class ThroughputDto {
  @ApiProperty({ example: 60 }) window_minutes!: number;
  @ApiProperty({ example: 1, description: 'Minutes per bucket (1 up to three hours, then 144 buckets per window)' })
  bucket_minutes!: number;
  @ApiProperty({ format: 'date-time', description: 'Start of the first bucket' }) start!: string;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/QueueThroughputDto' } })
  queues!: Record<string, QueueThroughputDto>;
}
