import { effectiveLimits, NO_OVERRIDES, type QuotaLimits } from './quota-limits.js';

const defaults: QuotaLimits = {
  max_active_jobs: 100,
  max_storage_bytes: 1000,
  max_files: 10,
  max_uploads_per_hour: 5,
  allow_high_priority: false,
  weight: 1,
};

describe('effective quota limits', () => {
  it('gives a user the defaults, and their overrides where set', () => {
    expect(effectiveLimits(defaults, NO_OVERRIDES, false)).toEqual(defaults);
    expect(effectiveLimits(defaults, { ...NO_OVERRIDES, max_files: 3, weight: 4, allow_high_priority: true }, false)).toEqual({
      ...defaults,
      max_files: 3,
      weight: 4,
      allow_high_priority: true,
    });
  });

  it('exempts an admin from the counted limits not given explicitly, and always allows high', () => {
    expect(effectiveLimits(defaults, { ...NO_OVERRIDES, max_files: 2 }, true)).toEqual({
      max_active_jobs: null,
      max_storage_bytes: null,
      max_files: 2,
      max_uploads_per_hour: null,
      allow_high_priority: true,
      weight: 1,
    });
  });
});
