import { HttpStatus, type MessageEvent } from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';

const SSE_KEEP_ALIVE_MS = 15_000;

/** Writes each event as `event: <type>` / `data: <json>` until the stream completes or the client leaves. */
export function writeServerSentEvents(res: Response, events: Observable<MessageEvent>): void {
  res.status(HttpStatus.OK).set({
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  // A comment line now and then keeps proxies from closing a quiet stream.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), SSE_KEEP_ALIVE_MS);
  const subscription = events.subscribe({
    next: (event) => res.write(`event: ${String(event.type)}\ndata: ${JSON.stringify(event.data)}\n\n`),
    error: () => res.end(),
    complete: () => res.end(),
  });
  res.on('close', () => {
    clearInterval(keepAlive);
    subscription.unsubscribe();
  });
}
