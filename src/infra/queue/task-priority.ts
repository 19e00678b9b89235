/** A job's priority as the API speaks it; `normal` unless the caller says otherwise. */
export type TaskPriority = 'high' | 'normal' | 'low';

export const TASK_PRIORITIES: readonly TaskPriority[] = ['high', 'normal', 'low'];

/**
 * BullMQ priorities (lower runs first). Every job gets one: BullMQ runs jobs without a priority before all
 * prioritized ones, so an unprioritized `normal` job would overtake a `high` one.
 */
const BULL_PRIORITY: Record<TaskPriority, number> = { high: 1, normal: 3, low: 5 };

export function toBullPriority(priority: TaskPriority = 'normal'): number {
  return BULL_PRIORITY[priority];
}

/**
 * The level a job held back by the fair scheduler waits at: after every admitted job of its priority, before any
 * job of the next priority (so priorities still apply first, and an idle worker still takes it).
 */
export function toHeldBackBullPriority(priority: TaskPriority = 'normal'): number {
  return BULL_PRIORITY[priority] + 1;
}

/** The word for a BullMQ priority, admitted or held back (jobs enqueued before priorities existed have 0: `normal`). */
export function toTaskPriority(bullPriority: number | undefined): TaskPriority {
  if (!bullPriority) return 'normal';
  if (bullPriority < BULL_PRIORITY.normal) return 'high';
  if (bullPriority < BULL_PRIORITY.low) return 'normal';
  return 'low';
}
