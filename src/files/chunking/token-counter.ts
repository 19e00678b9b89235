import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';

let shared: Tiktoken | undefined;

/** Counts cl100k_base tokens (the ranks ship inside js-tiktoken: no network). One encoder per process. */
export class TokenCounter {
  private readonly encoder = (shared ??= new Tiktoken(cl100kBase));

  /** Special-token strings in the text ("<|endoftext|>") count as ordinary text, never throw. */
  count(text: string): number {
    return text ? this.encoder.encode(text, [], []).length : 0;
  }
}
