import { describe, expect, it } from '@jest/globals';
import { TokenCounter } from './token-counter.js';

describe('TokenCounter', () => {
  const counter = new TokenCounter();

  it.each([
    ['English prose', 'The quarterly revenue of each unit changed after the merger. It was unbelievable!'],
    ['whitespace runs and line breaks', 'a  b   c\n\n\n  d\t\te \r\n f     \n'],
    ['numbers and punctuation', "It's 12345678 (or 3.14159...) -- isn't it? #tag @user $100,000.00"],
    ['non-Latin scripts and emoji', 'Grüße aus Köln. 数据处理很重要。 Привет, мир! 😀👍🏽 مرحبا'],
    ['special-token text', 'before <|endoftext|> after <|fim_prefix|>'],
    ['a long word', 'x'.repeat(120) + ' ' + 'ab'.repeat(60)],
  ])('counts %s exactly like encoding the whole text', (_what, text) => {
    expect(counter.count(text)).toBe(counter.encodeCount(text));
    expect(counter.count(text)).toBe(counter.count(text)); // memoized second pass agrees
  });

  it('counts a huge letters-only "word" without quadratic blow-up, close to the exact count', () => {
    const word = 'abcdefghij'.repeat(5_000); // one 50k-character pre-tokenizer piece
    const sample = word.slice(0, 500);
    const exactPerChar = counter.encodeCount(sample) / sample.length;
    const counted = counter.count(word);
    expect(counted).toBeGreaterThanOrEqual(Math.floor(exactPerChar * word.length * 0.95));
    expect(counted).toBeLessThanOrEqual(Math.ceil(exactPerChar * word.length * 1.05));
  });

  it('counts the empty string as zero tokens', () => {
    expect(counter.count('')).toBe(0);
  });
});
