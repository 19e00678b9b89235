import { type TaskOptions } from '../task-options.js';
import { type RoutingContext } from './route-rule.js';

/** The routing context of a job from its declared queue and name and its merged enqueue options. */
export function routingContextOf(definition: { queue: string; name: string }, options: TaskOptions): RoutingContext {
  return { queue: definition.queue, job: definition.name, userId: options.userId, ...options.route };
}
