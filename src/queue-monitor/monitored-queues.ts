import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ALL_QUEUES, isQueueName, QueueName } from '../infra/queue/queue-names.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { QueueNotFoundError } from './queue-monitor.errors.js';

/** The queues the monitor may show: the system's queue names, resolved to BullMQ queues (unknown name → 404). */
@Injectable()
export class MonitoredQueues {
  constructor(private readonly tasks: TaskQueueService) {}

  names(): readonly QueueName[] {
    return ALL_QUEUES;
  }

  get(name: string): Queue {
    if (!isQueueName(name)) throw new QueueNotFoundError(name);
    return this.tasks.queue(name);
  }
}
