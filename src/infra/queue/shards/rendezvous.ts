import { createHash } from 'node:crypto';

/**
 * Rendezvous (highest-random-weight) hashing: a key goes to the shard whose hash of (shard identity, key) is highest.
 * Adding a shard moves only the keys that now score highest on it; removing one moves only its own keys; every other
 * key stays where it was, whatever the order of the shard list.
 */
export function rendezvousIndex(key: string, identities: readonly string[]): number {
  let best = 0;
  let bestScore = -1;
  identities.forEach((identity, index) => {
    const score = createHash('sha1').update(identity).update('\0').update(key).digest().readUIntBE(0, 6);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}
