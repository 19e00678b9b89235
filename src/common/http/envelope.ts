/** The REST contract's two shapes. */
export interface SuccessEnvelope<T> {
  success: true;
  data: T;
  message: string;
}

export interface ErrorEnvelope {
  success: false;
  message: string;
  error: { code: string; details?: unknown };
}
