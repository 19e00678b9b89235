import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ALL_QUEUES, isQueueName, QueueName } from '../infra/queue/queue-names.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { QueueNotFoundError } from './queue-monitor.errors.js';
import { assertRedisAvailable } from './redis-availability.js';

/**
 * The queues the monitor may show: the system's queue names, resolved to BullMQ queues (unknown name → 404; Redis
 * lost → 503 at once, as BullMQ's own connections would wait for it forever).
 */
@Injectable()
export class MonitoredQueues {
  constructor(
    private readonly tasks: TaskQueueService,
    private readonly redis: Redis,
  ) {}

  names(): readonly QueueName[] {
    return ALL_QUEUES;
  }

  get(name: string): Queue {
    if (!isQueueName(name)) throw new QueueNotFoundError(name);
    assertRedisAvailable(this.redis);
    return this.tasks.queue(name);
  }
}
