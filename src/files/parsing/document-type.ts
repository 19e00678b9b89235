/** The document types the Files module accepts. */
export type DocumentType = 'pdf' | 'docx' | 'html' | 'md' | 'txt' | 'csv' | 'json';

export const ACCEPTED_DOCUMENT_TYPES: readonly DocumentType[] = ['pdf', 'docx', 'html', 'md', 'txt', 'csv', 'json'];

/** Types told apart by content alone; the others are text (see text-encoding.ts) told apart by the file's extension. */
export type TextDocumentType = Exclude<DocumentType, 'pdf' | 'docx'>;

export const TEXT_TYPE_BY_EXTENSION: Readonly<Record<string, TextDocumentType>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  csv: 'csv',
  json: 'json',
};

/** How many leading bytes detectType needs: enough for file-type to read a DOCX's [Content_Types].xml. */
export const DETECTION_HEAD_BYTES = 64 * 1024;
