import { z } from 'zod';
import { ENTITY_TYPES } from '../graph.types.js';

/** Bump when the prompt or schema changes: cached answers of another version are not reused. */
export const PROMPT_VERSION = 'kg-extract-v2';

const lowerCase = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** What the model must answer for one chunk. */
export const llmExtractionSchema = z.object({
  entities: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(300),
        type: z.preprocess(lowerCase, z.enum(ENTITY_TYPES)),
        description: z.string().max(2000).optional(),
      }),
    )
    .max(500),
  relations: z
    .array(
      z.object({
        source: z.string().trim().min(1).max(300),
        target: z.string().trim().min(1).max(300),
        relation: z.string().trim().min(1).max(100),
      }),
    )
    .max(1000),
});

export type LlmExtraction = z.infer<typeof llmExtractionSchema>;

/** The JSON schema sent as `response_format` and quoted in the prompt. */
export const LLM_EXTRACTION_JSON_SCHEMA: Record<string, unknown> = (() => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(llmExtractionSchema, { io: 'input', unrepresentable: 'any' });
  return schema;
})();

export const SYSTEM_PROMPT = [
  'You extract a knowledge graph from text, which may be in any language (English, Chinese, Japanese, mixed ...).',
  'Write every entity name exactly as the text writes it, in its own language and script: never translate,',
  'romanize or convert it (Traditional Chinese stays Traditional, Simplified stays Simplified).',
  `Entity types: ${ENTITY_TYPES.join(', ')}. Use "concept" for important ideas, methods or things that are not names.`,
  'Relations connect two entities you listed (source and target are their exact names); name each relation by a',
  'short English verb in its base form, lower case ("found", "work_for", "locate_in"), whatever the text\'s language.',
  'Answer with one JSON object only, no prose, matching this JSON schema:',
  JSON.stringify(LLM_EXTRACTION_JSON_SCHEMA),
].join('\n');

export const RETRY_PROMPT =
  'Your previous answer was not a JSON object matching the schema. Answer again with the JSON object only.';

/** Parses a model answer: tolerates a ```json fence; returns undefined when it is not valid against the schema. */
export function parseLlmExtraction(content: string): LlmExtraction | undefined {
  const unfenced = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch {
    return undefined;
  }
  const parsed = llmExtractionSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
