import { Inject, Injectable } from '@nestjs/common';
import { count, desc, eq, sql } from 'drizzle-orm';
import { UserRole } from '../common/auth/auth-user.js';
import { DATABASE } from '../infra/database/database.js';
import type { Database } from '../infra/database/database.js';
import { UserRow, users } from './auth.schema.js';

const UNIQUE_VIOLATION = '23505';

/** All SQL of the users table. Emails are compared lower-cased. */
@Injectable()
export class UsersRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Inserts a user; undefined when the email is taken. */
  async insert(email: string, passwordHash: string, role: UserRole = 'user'): Promise<UserRow | undefined> {
    try {
      const [row] = await this.db.insert(users).values({ email: email.toLowerCase(), passwordHash, role }).returning();
      return row;
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.db
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
      .limit(1);
    return row;
  }

  async findById(id: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id)).limit(1);
    return row;
  }

  async list(offset: number, limit: number): Promise<{ rows: UserRow[]; total: number }> {
    const [rows, [{ total }]] = await Promise.all([
      this.db.select().from(users).orderBy(desc(users.createdAt), users.id).offset(offset).limit(limit),
      this.db.select({ total: count() }).from(users),
    ]);
    return { rows, total };
  }

  async update(
    id: string,
    changes: Partial<Pick<UserRow, 'role' | 'disabled' | 'passwordHash'>>,
  ): Promise<UserRow | undefined> {
    const [row] = await this.db
      .update(users)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    return row;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return (error as { code?: string }).code === UNIQUE_VIOLATION || cause?.code === UNIQUE_VIOLATION;
}
