/** A job's priority as the API speaks it; `normal` unless the caller says otherwise. */
export type TaskPriority = 'high' | 'normal' | 'low';

export const TASK_PRIORITIES: readonly TaskPriority[] = ['high', 'normal', 'low'];

/**
 * BullMQ priorities (lower runs first). Every job gets one: BullMQ runs jobs without a priority before all
 * prioritized ones, so an unprioritized `normal` job would overtake a `high` one.
 */
const BULL_PRIORITY: Record<TaskPriority, number> = { high: 1, normal: 2, low: 3 };

export function toBullPriority(priority: TaskPriority = 'normal'): number {
  return BULL_PRIORITY[priority];
}

/** The word for a BullMQ priority (jobs enqueued before priorities existed have 0: `normal`). */
export function toTaskPriority(bullPriority: number | undefined): TaskPriority {
  if (bullPriority === BULL_PRIORITY.high) return 'high';
  if (bullPriority !== undefined && bullPriority >= BULL_PRIORITY.low) return 'low';
  return 'normal';
}
