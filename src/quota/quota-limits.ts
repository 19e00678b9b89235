import type { UserQuotaRow } from './quota.schema.js';

export type QuotaName = 'active_jobs' | 'storage_bytes' | 'files' | 'uploads_per_hour';

/** A user's effective limits; null = no limit (admins without limits of their own). */
export interface QuotaLimits {
  max_active_jobs: number | null;
  max_storage_bytes: number | null;
  max_files: number | null;
  max_uploads_per_hour: number | null;
  allow_high_priority: boolean;
  weight: number;
}

/** An admin's overrides; null = the default. */
export type QuotaOverrides = { [K in keyof QuotaLimits]: QuotaLimits[K] | null };

export const QUOTA_FIELDS = [
  'max_active_jobs',
  'max_storage_bytes',
  'max_files',
  'max_uploads_per_hour',
  'allow_high_priority',
  'weight',
] as const satisfies readonly (keyof QuotaLimits)[];

export const NO_OVERRIDES: QuotaOverrides = {
  max_active_jobs: null,
  max_storage_bytes: null,
  max_files: null,
  max_uploads_per_hour: null,
  allow_high_priority: null,
  weight: null,
};

export function toOverrides(row: UserQuotaRow | undefined): QuotaOverrides {
  if (!row) return NO_OVERRIDES;
  return {
    max_active_jobs: row.maxActiveJobs,
    max_storage_bytes: row.maxStorageBytes,
    max_files: row.maxFiles,
    max_uploads_per_hour: row.maxUploadsPerHour,
    allow_high_priority: row.allowHighPriority,
    weight: row.weight,
  };
}

/**
 * Overrides first, then the defaults. Admins are exempt from the count limits they were not given explicitly and
 * may always use `high`.
 */
export function effectiveLimits(defaults: QuotaLimits, overrides: QuotaOverrides, isAdmin: boolean): QuotaLimits {
  const limit = (key: 'max_active_jobs' | 'max_storage_bytes' | 'max_files' | 'max_uploads_per_hour') =>
    overrides[key] ?? (isAdmin ? null : defaults[key]);
  return {
    max_active_jobs: limit('max_active_jobs'),
    max_storage_bytes: limit('max_storage_bytes'),
    max_files: limit('max_files'),
    max_uploads_per_hour: limit('max_uploads_per_hour'),
    allow_high_priority: isAdmin || (overrides.allow_high_priority ?? defaults.allow_high_priority),
    weight: overrides.weight ?? defaults.weight,
  };
}
