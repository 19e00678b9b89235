/** What an alert says, in the log and to the webhook. */
export interface QueueAlert {
  alert: 'queue_failure_rate' | 'job_failed';
  severity: 'warning' | 'critical';
  queue: string;
  job_id: string;
  failed_reason: string | null;
  /** Over the last `window_minutes`: failed / (finished + failed). */
  failure_rate: number | null;
  finished: number;
  failed: number;
  threshold: number;
  window_minutes: number;
  at: string;
}
