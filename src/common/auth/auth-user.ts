export type UserRole = 'user' | 'admin';

/** The authenticated caller, set on the request by the auth guard. */
export interface AuthUser {
  id: string;
  email: string;
  role: UserRole;
}
