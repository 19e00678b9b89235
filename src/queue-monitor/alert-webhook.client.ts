import { Injectable, Logger } from '@nestjs/common';

const WEBHOOK_TIMEOUT_MS = 5000;

/** POSTs an alert as JSON to the configured webhook. Never throws: a dead receiver must not break the monitor. */
@Injectable()
export class AlertWebhookClient {
  private readonly logger = new Logger('QueueAlerts');

  async post(url: string, payload: object): Promise<boolean> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      if (!response.ok) this.logger.warn(`alert webhook answered ${response.status}`);
      return response.ok;
    } catch (error) {
      this.logger.warn(`alert webhook failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
}
