import { Injectable } from '@nestjs/common';
import OpenAI from 'openai';
import { AppConfig } from '../../infra/config/app-config.js';
import { LLM_EXTRACTION_JSON_SCHEMA } from './llm-extraction.schema.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

// The client retries 429s and 5xx itself, honouring retry-after(-ms), with backoff.
const MAX_RETRIES = 3;

/** HTTP to an OpenAI-compatible chat-completions server (OpenAI, vLLM, Ollama): LLM_BASE_URL, LLM_MODEL, LLM_API_KEY. */
@Injectable()
export class LlmChatClient {
  private client?: OpenAI;

  constructor(private readonly config: AppConfig) {}

  get model(): string {
    return this.config.graph.llmModel ?? '';
  }

  /** One chat completion asking for the extraction JSON; returns the answer text. */
  async complete(messages: ChatMessage[], signal?: AbortSignal): Promise<string> {
    const completion = await this.openai().chat.completions.create(
      {
        model: this.model,
        messages,
        temperature: 0,
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'knowledge_graph', schema: LLM_EXTRACTION_JSON_SCHEMA, strict: false },
        },
      },
      { signal },
    );
    return completion.choices[0]?.message?.content ?? '';
  }

  private openai(): OpenAI {
    this.client ??= new OpenAI({
      baseURL: this.config.graph.llmBaseUrl,
      // Local servers (Ollama, vLLM) need no key, but the client insists on one.
      apiKey: this.config.graph.llmApiKey ?? 'not-needed',
      timeout: this.config.graph.llmTimeoutMs,
      maxRetries: MAX_RETRIES,
    });
    return this.client;
  }
}
