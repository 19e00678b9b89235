import { ApiProperty } from '@nestjs/swagger';
import { ALL_QUEUES } from '../../infra/queue/queue-names.js';

export class QueueListDto {
  @ApiProperty({ type: [String], example: ALL_QUEUES }) queues!: string[];
  @ApiProperty({ example: ALL_QUEUES.length }) count!: number;
}

export class QueueStatsDto {
  @ApiProperty({ example: 'file_processing' }) queue_name!: string;
  @ApiProperty({ example: 3, description: 'waiting + prioritized' }) queued!: number;
  @ApiProperty({ example: 1, description: 'active' }) started!: number;
  @ApiProperty({ example: 120, description: 'completed' }) finished!: number;
  @ApiProperty({ example: 2 }) failed!: number;
  @ApiProperty({ example: 0, description: 'delayed' }) scheduled!: number;
  @ApiProperty({ example: 0, description: 'waiting-children' }) deferred!: number;
  @ApiProperty({ example: 1, description: 'canceled by an operator (not in total)' }) canceled!: number;
  @ApiProperty({ example: 126 }) total!: number;
  @ApiProperty({ example: false }) paused!: boolean;
}

export class AllQueueStatsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/QueueStatsDto' },
    example: {
      file_processing: {
        queue_name: 'file_processing',
        queued: 3,
        started: 1,
        finished: 120,
        failed: 2,
        scheduled: 0,
        deferred: 0,
        canceled: 1,
        total: 126,
        paused: false,
      },
    },
  })
  queues!: Record<string, QueueStatsDto>;
}
