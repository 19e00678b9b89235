/**
 * LangChain's Markdown separators (`RecursiveCharacterTextSplitter.getSeparatorsForLanguage('markdown')` without the
 * final ''), copied: importing @langchain/textsplitters for this list loaded @langchain/core at every start (27 MiB
 * and over a second). markdown-separators.spec.ts keeps the copy equal to LangChain's list.
 */
export const LANGCHAIN_MARKDOWN_SEPARATORS: readonly string[] = [
  '\n## ',
  '\n### ',
  '\n#### ',
  '\n##### ',
  '\n###### ',
  '```\n\n',
  '\n\n***\n\n',
  '\n\n---\n\n',
  '\n\n___\n\n',
  '\n\n',
  '\n',
  ' ',
];
