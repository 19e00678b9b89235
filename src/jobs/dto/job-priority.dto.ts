import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TASK_PRIORITIES, type TaskPriority } from '../../infra/queue/task-priority.js';

/** `priority` of a request that queues a job (query or body). */
export class JobPriorityDto {
  @ApiPropertyOptional({
    enum: TASK_PRIORITIES,
    default: 'normal',
    description: '`high` starts before every queued normal and low job of its queue (if your quota allows it, else 403 ' +
      'PRIORITY_NOT_ALLOWED); `low` runs only when nothing else waits',
  })
  @IsOptional()
  @IsIn(TASK_PRIORITIES)
  priority?: TaskPriority;
}
