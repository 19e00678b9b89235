import { Inject, Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import type { Database } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import { QuotaOverrides, toOverrides } from './quota-limits.js';
import { userQuotas } from './quota.schema.js';

/** All SQL on user_quotas (the admin's per-user overrides). */
@Injectable()
export class QuotaRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async overridesOf(userId: string): Promise<QuotaOverrides> {
    const [row] = await this.db.select().from(userQuotas).where(eq(userQuotas.userId, userId)).limit(1);
    return toOverrides(row);
  }

  async saveOverrides(userId: string, overrides: QuotaOverrides): Promise<QuotaOverrides> {
    const values = {
      maxActiveJobs: overrides.max_active_jobs,
      maxStorageBytes: overrides.max_storage_bytes,
      maxFiles: overrides.max_files,
      maxUploadsPerHour: overrides.max_uploads_per_hour,
      allowHighPriority: overrides.allow_high_priority,
      weight: overrides.weight,
      updatedAt: new Date(),
    };
    const [row] = await this.db
      .insert(userQuotas)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: userQuotas.userId, set: values })
      .returning();
    return toOverrides(row);
  }
}
