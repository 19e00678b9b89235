export type SearchList = 'vector' | 'text';

export interface RankedChunk {
  chunkId: string;
  fileId: string;
  chunkIndex: number;
  text: string;
  /** The list's own score (cosine similarity, text rank). */
  score: number;
}

export interface FusedChunk extends Omit<RankedChunk, 'score'> {
  /** Σ 1 / (k + rank) over the lists that found the chunk (rank from 1). */
  score: number;
  foundBy: SearchList[];
  scores: Partial<Record<SearchList, number>>;
}

/** The constant of Cormack et al. (2009), used by most hybrid search engines: damps the weight of the very top ranks. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion: merges ranked lists by rank alone, so scores on different scales (cosine similarity,
 * ts_rank_cd) need no calibration. A chunk found by both lists beats one found by a single list at the same ranks.
 * Ties keep the order of the lists as given, then each list's order.
 */
export function fuseByReciprocalRank(lists: Partial<Record<SearchList, RankedChunk[]>>, topK: number): FusedChunk[] {
  const fused = new Map<string, FusedChunk>();
  for (const [list, chunks] of Object.entries(lists) as [SearchList, RankedChunk[] | undefined][]) {
    chunks?.forEach(({ score, ...chunk }, index) => {
      const entry = fused.get(chunk.chunkId) ?? { ...chunk, score: 0, foundBy: [], scores: {} };
      entry.score += 1 / (RRF_K + index + 1);
      entry.foundBy.push(list);
      entry.scores[list] = score;
      fused.set(chunk.chunkId, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score).slice(0, topK);
}
