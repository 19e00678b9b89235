import { ApiProperty } from '@nestjs/swagger';

class ProcessingTimeDto {
  @ApiProperty({ type: Number, nullable: true, example: 850 }) p50!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 4200 }) p95!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 9100 }) max!: number | null;
}

class WaitTimeDto {
  @ApiProperty({ type: Number, nullable: true, example: 20 }) p50!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 1500 }) p95!: number | null;
}

export class QueueWindowMetricsDto {
  @ApiProperty({ example: 'file_processing' }) queue_name!: string;
  @ApiProperty({ example: 15 }) window_minutes!: number;
  @ApiProperty({ example: 57 }) finished!: number;
  @ApiProperty({ example: 3 }) failed!: number;
  @ApiProperty({ example: 3.8 }) finished_per_minute!: number;
  @ApiProperty({ example: 0.2 }) failed_per_minute!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.05, description: 'failed / (finished + failed)' })
  failure_rate!: number | null;
  @ApiProperty({ type: ProcessingTimeDto, description: 'started → ended, ms' }) processing_time_ms!: ProcessingTimeDto;
  @ApiProperty({ type: WaitTimeDto, description: 'enqueued (or delay over) → started, ms' }) wait_time_ms!: WaitTimeDto;
  @ApiProperty({ example: 60, description: 'Ended jobs the timings come from (the latest, at most 500 per state of each pool queue on each shard)' })
  timing_sample_size!: number;
}

export class MetricsDto {
  @ApiProperty({ example: 15 }) window_minutes!: number;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/QueueWindowMetricsDto' } })
  queues!: Record<string, QueueWindowMetricsDto>;
}
