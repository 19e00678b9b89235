import { Injectable } from '@nestjs/common';
import { AuthUser, UserRole } from '../common/auth/auth-user.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { EmailTakenError, SelfLockoutError } from './auth.errors.js';
import { RevokeUserSessionsJob } from './auth.jobs.js';
import { UserRow } from './auth.schema.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';
import { UsersRepository } from './users.repository.js';

/** Accounts: creation, and admin management of users. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly queue: TaskQueueService,
    private readonly hasher: PasswordHasher,
  ) {}

  /** A new account (register, or an admin creating one); 409 EMAIL_TAKEN when the email is in use. */
  async create(email: string, password: string, role: UserRole = 'user'): Promise<UserRow> {
    const user = await this.users.insert(email, await this.hasher.hash(password), role);
    if (!user) throw new EmailTakenError();
    return user;
  }

  list(page: number, pageSize: number): Promise<{ rows: UserRow[]; total: number }> {
    return this.users.list((page - 1) * pageSize, pageSize);
  }

  /**
   * Changes role and/or disabled. Disabling, or changing the role, revokes the user's sessions at once: tokens carry
   * the role, so none may outlive a change of it.
   */
  async update(caller: AuthUser, id: string, changes: { role?: UserRole; disabled?: boolean }): Promise<UserRow> {
    const current = await this.require(id);
    if (current.id === caller.id && (changes.disabled === true || changes.role === 'user')) throw new SelfLockoutError();
    const updated = await this.users.update(id, changes);
    if (!updated) throw new NotFoundError('User', 'USER_NOT_FOUND');
    if ((changes.disabled === true && !current.disabled) || (changes.role && changes.role !== current.role)) {
      await this.sessions.revokeAllForUser(id);
    }
    return updated;
  }

  /** Queues the `token_revocation` job that blacklists every live token of the user. */
  async requestSessionRevocation(id: string): Promise<{ job_id: string; status: string }> {
    await this.require(id);
    const task = await this.queue.enqueue(RevokeUserSessionsJob, { user_id: id });
    return { job_id: task.job_id, status: task.status };
  }

  /** The user, or 404 USER_NOT_FOUND. */
  async get(id: string): Promise<UserRow> {
    return this.require(id);
  }

  private async require(id: string): Promise<UserRow> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User', 'USER_NOT_FOUND');
    return user;
  }
}
