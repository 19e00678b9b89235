const MIB = 1024 * 1024;

/**
 * Decides when the upload progress is written: at least every MiB or every 250 ms of an upload, and never more
 * often than that (a write per network chunk would flood Redis).
 */
export class UploadProgressThrottle {
  private lastBytes = 0;
  private lastAt: number;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly everyBytes = MIB,
    private readonly everyMs = 250,
  ) {
    this.lastAt = now();
  }

  /** True when `bytes` received so far should be reported now. */
  due(bytes: number): boolean {
    const now = this.now();
    if (bytes - this.lastBytes < this.everyBytes && now - this.lastAt < this.everyMs) return false;
    this.lastBytes = bytes;
    this.lastAt = now;
    return true;
  }
}
