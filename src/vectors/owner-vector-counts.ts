/**
 * How many vectors each owner has (per model and dimension), as last counted, for a short while: the search plan
 * depends on it (an exact scan for a small owner), and counting costs a visit of each of the owner's rows up to the
 * bound, nearly the price of the exact scan itself. A stale count only picks the other plan for a moment (both
 * return correct rows; the exact one is also exact). In-process: each process counts for itself.
 */
export class OwnerVectorCounts {
  private readonly counts = new Map<string, { rows: number; capped: boolean; at: number }>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the owner has at most `bound` vectors, if a recent count tells; undefined when it must be counted. */
  withinBound(key: string, bound: number): boolean | undefined {
    const entry = this.counts.get(key);
    if (!entry || this.now() - entry.at > this.ttlMs) return undefined;
    if (!entry.capped) return entry.rows <= bound;
    // Counting stopped at `rows`: the owner has at least that many.
    return entry.rows > bound ? false : undefined;
  }

  /** Records a count that stopped at `limit` rows (`rows` = limit means "at least limit"). */
  record(key: string, rows: number, limit: number): void {
    if (this.counts.size >= this.maxEntries) this.counts.clear();
    this.counts.set(key, { rows, capped: rows >= limit, at: this.now() });
  }
}
