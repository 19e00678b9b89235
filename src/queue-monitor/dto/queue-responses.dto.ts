import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALL_QUEUES } from '../../infra/queue/queue-names.js';

export class PoolQueueDto {
  @ApiProperty({ example: 'heavy' }) pool!: string;
  @ApiProperty({ example: 'file_processing@heavy', description: "The pool's BullMQ queue (pool `default`: the queue's own name)" })
  queue_name!: string;
}

export class QueueListDto {
  @ApiProperty({ type: [String], example: ALL_QUEUES }) queues!: string[];
  @ApiProperty({ example: ALL_QUEUES.length }) count!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/PoolQueueDto' } },
    description: "Each queue's worker pools (ROUTES_FILE), `default` first",
    example: { file_processing: [{ pool: 'default', queue_name: 'file_processing' }, { pool: 'heavy', queue_name: 'file_processing@heavy' }] },
  })
  pools!: Record<string, PoolQueueDto[]>;
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
  @ApiPropertyOptional({ example: 'heavy', description: "The pool, for one pool's queue (`<queue>@<pool>`)" }) pool?: string;
  @ApiPropertyOptional({ type: () => [PoolStatsDto], description: "A queue's counts per worker pool; the counts above are their sums" })
  pools?: PoolStatsDto[];
  @ApiPropertyOptional({ example: '1', description: 'The queue shard of a pool entry (with QUEUE_SHARDS)' }) shard?: string;
  @ApiPropertyOptional({
    description: 'With QUEUE_SHARDS: the counts per shard (the counts above are their sums); a shard that is down is absent',
    example: { '0': { queued: 3, started: 1, finished: 10, failed: 0, scheduled: 0, deferred: 0, canceled: 0, total: 14 } },
  })
  shards?: Record<string, Record<string, number>>;
}

export class PoolStatsDto extends QueueStatsDto {
  @ApiProperty({ example: 0, description: 'Live workers serving this pool, in-house and remote' }) workers!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'pool has no worker',
    description:
      'Why its jobs wait: `pool has no worker` when no live worker (in-house, or remote with a token of the pool) can ' +
      'take its waiting jobs; a remote token bound to a user takes only that user\'s (the first 50 waiting are checked). ' +
      'null when they are served',
  })
  waiting_reason!: string | null;
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
