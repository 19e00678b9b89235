import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import { EmbeddingDimensionMismatchError, EmbeddingProviderError } from '../vectors.errors.js';
import { type EmbeddingProvider } from './embedding-provider.js';
import { l2Normalize } from './vector-math.js';

export interface LocalEmbeddingOptions {
  /** A Hugging Face hub id (downloaded once into cacheDir) or a local folder with config.json, tokenizer.json, onnx/model.onnx. */
  model: string;
  dimension: number;
  batchSize: number;
  cacheDir: string;
}

/**
 * An ONNX sentence-transformer run in-process by @huggingface/transformers (onnxruntime-node, CPU): tokenize,
 * run the model, mean-pool the token vectors over the attention mask, L2-normalize. The model loads on first use,
 * so an API process that never embeds never pays for it.
 */
export class LocalEmbeddingProvider implements EmbeddingProvider {
  readonly model: string;
  readonly dimension: number;
  readonly cacheable = true;
  private extractor?: Promise<FeatureExtractionPipeline>;

  constructor(private readonly options: LocalEmbeddingOptions) {
    this.model = options.model;
    this.dimension = options.dimension;
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const extractor = await this.load();
    const vectors: number[][] = [];
    // One batch at a time: ONNX runtime already uses every core for one run.
    for (let i = 0; i < texts.length; i += this.options.batchSize) {
      signal?.throwIfAborted();
      const output = await extractor(texts.slice(i, i + this.options.batchSize), { pooling: 'mean', normalize: true });
      for (const row of output.tolist() as number[][]) {
        if (row.length !== this.dimension) {
          throw new EmbeddingDimensionMismatchError(this.model, this.dimension, row.length);
        }
        vectors.push(l2Normalize(row));
      }
    }
    return vectors;
  }

  private load(): Promise<FeatureExtractionPipeline> {
    this.extractor ??= this.createExtractor().catch((error: unknown) => {
      this.extractor = undefined;
      throw new EmbeddingProviderError(
        `Could not load the local embedding model "${this.model}": ${error instanceof Error ? error.message : String(error)}`,
        false,
      );
    });
    return this.extractor;
  }

  private async createExtractor(): Promise<FeatureExtractionPipeline> {
    const { env, pipeline } = await import('@huggingface/transformers');
    const folder = resolve(this.options.model);
    const isLocalFolder = existsSync(folder);
    env.cacheDir = this.options.cacheDir;
    return pipeline('feature-extraction', isLocalFolder ? folder : this.options.model, {
      dtype: 'fp32',
      // A folder on disk must never fall back to the hub (our machines have no network anyway).
      local_files_only: isLocalFolder,
    });
  }
}
