import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';
import { QuotaExceededError } from './quota.errors.js';
import { type QuotaLedger } from './quota-ledger.js';

/**
 * Bytes reserved ahead of the stream, so the ledger is asked about every 256 KiB, not per chunk; never more than the
 * request's declared length, so parallel small uploads do not hold room they will not use.
 */
const RESERVE_STEP_BYTES = 256 * 1024;
/** An upload's reservation lapses this long after its last byte reservation (its API process died). */
export const RESERVATION_TTL_MS = 3600_000;

export class UploadReservationLapsedError extends DomainError {
  constructor() {
    super('UPLOAD_TIMEOUT', 'The upload took too long; send it again', HttpStatus.REQUEST_TIMEOUT);
  }
}

/**
 * One admitted upload's hold on the user's quota: a file slot, and storage bytes that grow with the stream. Past
 * the storage limit `admitBytes` throws, which cuts the stream off before the file is stored. Ends with `commit`
 * (the file was stored) or `release` (it was not).
 */
export class UploadReservation {
  private granted = 0;
  private settled = false;

  constructor(
    private readonly ledger: QuotaLedger,
    readonly userId: string,
    readonly id: string,
    private readonly maxStorageBytes: number | null,
    /** The request's Content-Length, if declared: the file cannot be larger. */
    private readonly declaredBytes: number | null,
  ) {}

  /** Told the bytes received so far; throws QUOTA_EXCEEDED (storage_bytes) once they pass what the user has left. */
  async admitBytes(received: number): Promise<void> {
    if (this.maxStorageBytes === null || received <= this.granted) return;
    const result = await this.ledger.growUpload(
      this.userId,
      this.id,
      received,
      Math.max(received, Math.min(received + RESERVE_STEP_BYTES, this.declaredBytes ?? Infinity)),
      this.maxStorageBytes,
      Date.now() + RESERVATION_TTL_MS,
    );
    if ('granted' in result) {
      this.granted = result.granted;
      return;
    }
    if ('gone' in result) throw new UploadReservationLapsedError();
    throw new QuotaExceededError(result.refusal.quota, result.refusal.limit, result.refusal.used);
  }

  async commit(bytes: number): Promise<void> {
    await this.settle(1, bytes);
  }

  async release(): Promise<void> {
    await this.settle(0, 0);
  }

  private async settle(files: number, bytes: number): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    await this.ledger.settleUpload(this.userId, this.id, files, bytes);
  }
}
