/** What each action answers: what it changed. */
export interface JobActionResult {
  job_id: string;
  queue_name: string;
  previous_status: string;
  status: string;
}

export interface AbortResult extends JobActionResult {
  abort_requested: true;
  reason: string;
}

export interface RequeueFailedResult {
  queue_name: string;
  requeued: number;
}

export interface QueuePauseResult {
  queue_name: string;
  paused: boolean;
}

export interface CleanResult {
  queue_name: string;
  status: 'finished' | 'failed';
  older_than_seconds: number;
  removed: number;
}
