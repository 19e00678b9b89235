import { z } from 'zod';
import { ALL_QUEUES } from '../queue-names.js';
import { POOL_NAME_PATTERN } from './pool-queue-name.js';

/** One value or a non-empty list of them (a list matches any of its values). */
const oneOrMany = <T extends z.ZodTypeAny>(item: T) => z.preprocess((value) => (Array.isArray(value) ? value : [value]), z.array(item).min(1));
const bytes = z.number().int().min(0);

/**
 * One routing rule of ROUTES_FILE: every field it names must match the job (a list matches any of its values), then
 * the job goes to `pool`. No matcher at all matches every job (a catch-all).
 */
export const routeRuleSchema = z
  .object({
    pool: z.string().regex(POOL_NAME_PATTERN, "must be letters, digits, '_' or '-' (at most 40)"),
    queue: oneOrMany(z.enum(ALL_QUEUES as [string, ...string[]], { error: `must be one of ${ALL_QUEUES.join(', ')}` })).optional(),
    job: oneOrMany(z.string().min(1)).optional(),
    user_id: oneOrMany(z.string().min(1)).optional(),
    role: oneOrMany(z.string().min(1)).optional(),
    /** A file extension (`pdf`, `.pdf`) or a MIME type (`application/pdf`, `image/*`), case-insensitive. */
    file_type: oneOrMany(z.string().min(1)).optional(),
    min_bytes: bytes.optional(),
    max_bytes: bytes.optional(),
  })
  .strict()
  .refine((rule) => rule.min_bytes === undefined || rule.max_bytes === undefined || rule.min_bytes <= rule.max_bytes, {
    message: 'must not be smaller than min_bytes',
    path: ['max_bytes'],
  });

/** ROUTES_FILE: a list of rules, or an object with `rules` (first match wins; no match: pool `default`). */
export const routesFileSchema = z.union([
  z.array(routeRuleSchema),
  z.object({ rules: z.array(routeRuleSchema) }).strict().transform((file) => file.rules),
]);

export type RouteRule = z.output<typeof routeRuleSchema>;

/**
 * What a job is routed by besides its queue, name and owner: facts the enqueuing code knows (the file's type and
 * size for file jobs, the owner's role for a user's request). Enqueue options carry them (TaskOptions.route).
 */
export interface RouteFacts {
  role?: string;
  /** The file's extension without the dot (its `file_type`), lower case. */
  fileType?: string;
  mimeType?: string;
  fileSize?: number;
}

/** Everything a rule can match on, for one job. */
export interface RoutingContext extends RouteFacts {
  queue: string;
  job: string;
  userId?: string;
}
