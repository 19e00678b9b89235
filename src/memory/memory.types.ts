/** Where a memory lives: the user part always comes from the token. */
export interface MemoryAddress {
  userId: string;
  agentId: string;
  key: string;
}

/** A short-term memory as stored in its Redis hash. */
export interface StoredMemory {
  value: unknown;
  ttlSeconds: number;
  ttlSecondsRemaining: number;
  refreshOnRead: boolean;
  persist: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MemoryWrite {
  /** The value already serialized as JSON. */
  json: string;
  ttlSeconds: number;
  refreshOnRead: boolean;
  persist: boolean;
  now: string;
}

export interface MemoryKeyEntry {
  key: string;
  ttlSecondsRemaining: number;
  updatedAt: string;
}

export interface MemoryKeyPage {
  entries: MemoryKeyEntry[];
  nextCursor: string | null;
}
