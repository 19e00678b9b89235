import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class AlertsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

export class QueueAlertDto {
  @ApiProperty({ enum: ['queue_failure_rate', 'job_failed'] }) alert!: 'queue_failure_rate' | 'job_failed';
  @ApiProperty({ enum: ['warning', 'critical'] }) severity!: 'warning' | 'critical';
  @ApiProperty({ example: 'file_processing' }) queue!: string;
  @ApiProperty({ example: '42', description: 'The job whose failure raised the alert' }) job_id!: string;
  @ApiProperty({ type: String, nullable: true }) failed_reason!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'failed / (finished + failed) over the window' })
  failure_rate!: number | null;
  @ApiProperty() finished!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ example: 0.2 }) threshold!: number;
  @ApiProperty({ example: 5 }) window_minutes!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class AlertListDto {
  @ApiProperty({ type: [QueueAlertDto] }) alerts!: QueueAlertDto[];
  @ApiProperty() count!: number;
}
