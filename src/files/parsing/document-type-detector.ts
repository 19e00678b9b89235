import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { UnsupportedFileTypeError } from './document-parsing.errors.js';
import { type DocumentType, TEXT_TYPE_BY_EXTENSION } from './document-type.js';

/** Text-based formats file-type knows by their first bytes; a text document may legitimately start like them. */
const TEXTUAL_DETECTIONS = new Set(['xml']);

/**
 * Decides a document's type from its first bytes: PDF and DOCX by content (whatever the name says); text formats
 * by extension, only when no binary signature matches and the bytes are UTF-8 text without NUL.
 */
export class DocumentTypeDetector {
  async detect(head: Buffer, originalName: string): Promise<DocumentType> {
    const extension = extname(originalName).slice(1).toLowerCase();
    const detected = await fileTypeFromBuffer(head);
    if (detected?.ext === 'pdf') return 'pdf';
    if (detected?.ext === 'docx') return 'docx';
    if (detected && !detected.mime.startsWith('text/') && !TEXTUAL_DETECTIONS.has(detected.ext)) {
      throw new UnsupportedFileTypeError(`the content is ${detected.mime}`, {
        filename: originalName,
        detected: detected.ext,
      });
    }
    const textType = TEXT_TYPE_BY_EXTENSION[extension];
    if (!textType) {
      throw new UnsupportedFileTypeError(extension ? `.${extension} files are not accepted` : 'no file extension', {
        filename: originalName,
      });
    }
    if (!isUtf8Text(head)) {
      throw new UnsupportedFileTypeError(`a .${extension} file must be UTF-8 text`, {
        filename: originalName,
        detected: 'binary',
      });
    }
    return textType;
  }
}

/** Valid UTF-8 without NUL; a multi-byte character cut at the end of the head is fine. */
function isUtf8Text(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}
