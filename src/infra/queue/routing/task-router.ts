import { type QueueName } from '../queue-names.js';
import { DEFAULT_POOL } from './pool-queue-name.js';
import { type RouteRule, type RoutingContext } from './route-rule.js';

/**
 * Picks a job's worker pool from the routing rules (ROUTES_FILE): the first rule that matches wins, else `default`.
 * A pure function of the job (queue, name, owner, file facts): the same job id always lands in the same pool while
 * the rules stay the same, so dedup by job id holds across pools.
 */
export class TaskRouter {
  constructor(readonly rules: readonly RouteRule[] = []) {}

  poolFor(context: RoutingContext): string {
    return this.rules.find((rule) => ruleMatches(rule, context))?.pool ?? DEFAULT_POOL;
  }

  /** The pools a queue's jobs can be routed to: `default` first, then those of the rules that may match the queue. */
  poolsOf(queue: QueueName): string[] {
    const pools = [DEFAULT_POOL];
    for (const rule of this.rules) {
      if ((!rule.queue || rule.queue.includes(queue)) && !pools.includes(rule.pool)) pools.push(rule.pool);
    }
    return pools;
  }
}

export function ruleMatches(rule: RouteRule, context: RoutingContext): boolean {
  if (rule.queue && !rule.queue.includes(context.queue)) return false;
  if (rule.job && !rule.job.includes(context.job)) return false;
  if (rule.user_id && !(context.userId && rule.user_id.includes(context.userId))) return false;
  if (rule.role && !(context.role && rule.role.includes(context.role))) return false;
  if (rule.file_type && !rule.file_type.some((type) => fileTypeMatches(type, context))) return false;
  if (rule.min_bytes !== undefined && !(context.fileSize !== undefined && context.fileSize >= rule.min_bytes)) return false;
  if (rule.max_bytes !== undefined && !(context.fileSize !== undefined && context.fileSize <= rule.max_bytes)) return false;
  return true;
}

/** `pdf` / `.pdf` match the extension; `application/pdf` the MIME type; `image/*` any image type. */
function fileTypeMatches(pattern: string, context: RoutingContext): boolean {
  const wanted = pattern.toLowerCase();
  if (!wanted.includes('/')) return !!context.fileType && context.fileType.toLowerCase() === wanted.replace(/^\./, '');
  const mime = context.mimeType?.toLowerCase().split(';')[0].trim();
  if (!mime) return false;
  return wanted.endsWith('/*') ? mime.startsWith(wanted.slice(0, -1)) : mime === wanted;
}
