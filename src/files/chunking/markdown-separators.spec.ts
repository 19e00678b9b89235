import { describe, expect, it } from '@jest/globals';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { LANGCHAIN_MARKDOWN_SEPARATORS } from './markdown-separators.js';

describe('LANGCHAIN_MARKDOWN_SEPARATORS', () => {
  it("is LangChain's Markdown separator list without its final empty separator", () => {
    const langchain = RecursiveCharacterTextSplitter.getSeparatorsForLanguage('markdown');
    expect([...LANGCHAIN_MARKDOWN_SEPARATORS, '']).toEqual(langchain);
  });
});
