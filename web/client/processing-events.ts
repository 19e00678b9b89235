/**
 * Follows a file's processing over Server-Sent Events (GET /api/v1/files/{file_id}/events). EventSource cannot send
 * an Authorization header, so this reads the stream with fetch and parses it with eventsource-parser.
 */
import { createParser } from 'eventsource-parser';
import { ApiError, type ProcessingStatus } from './api-client.js';

export interface FollowOptions {
  baseUrl?: string;
  accessToken: () => string | undefined;
  onStatus: (status: ProcessingStatus) => void;
  signal?: AbortSignal;
}

/** Resolves when the stream ends (the file completed or failed); rejects with ApiError on a 4xx/5xx. */
export async function followProcessing(fileId: string, options: FollowOptions): Promise<void> {
  const response = await fetch(`${options.baseUrl ?? ''}/api/v1/files/${encodeURIComponent(fileId)}/events`, {
    headers: { Accept: 'text/event-stream', Authorization: `Bearer ${options.accessToken() ?? ''}` },
    signal: options.signal,
  });
  if (!response.ok || !response.body) throw ApiError.from(response.status, await response.json().catch(() => undefined));
  const parser = createParser({
    onEvent: (event) => {
      if (event.event === 'status') options.onStatus(JSON.parse(event.data) as ProcessingStatus);
    },
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    parser.feed(value);
  }
}
