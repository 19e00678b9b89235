/** A unit-length copy of the vector (a zero vector stays zero). */
export function l2Normalize(vector: number[] | Float32Array | Float64Array): number[] {
  let sum = 0;
  for (const v of vector) sum += v * v;
  const norm = Math.sqrt(sum);
  const out = Array.from(vector);
  if (norm === 0) return out;
  for (let i = 0; i < out.length; i++) out[i] /= norm;
  return out;
}

/** Cosine similarity of two unit vectors (their dot product). */
export function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}
