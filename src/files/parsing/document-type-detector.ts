import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { UnsupportedFileTypeError } from './document-parsing.errors.js';
import { type DocumentType, TEXT_TYPE_BY_EXTENSION } from './document-type.js';
import { detectTextEncoding, hasByteOrderMark, type TextEncoding } from './text-encoding.js';

/** Text-based formats file-type knows by their first bytes; a text document may legitimately start like them. */
const TEXTUAL_DETECTIONS = new Set(['xml']);

/**
 * Decides a document's type from its first bytes: PDF and DOCX by content (whatever the name says); text formats
 * by extension, only when no binary signature matches and the bytes are text in an encoding we read (UTF-8,
 * UTF-16 with BOM, Big5, GB18030, Shift_JIS, EUC-JP, EUC-KR: see detectTextEncoding).
 */
export class DocumentTypeDetector {
  async detect(head: Buffer, originalName: string): Promise<DocumentType> {
    const extension = extname(originalName).slice(1).toLowerCase();
    // A UTF-16 byte-order mark can look like a binary signature (FF FE is also an MP3 frame header).
    const detected = hasByteOrderMark(head) ? undefined : await fileTypeFromBuffer(head);
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
    if (!detectTextEncoding(head, { html: textType === 'html' })) {
      const reason = `a .${extension} file must be text in UTF-8, UTF-16, Big5, GB18030, Shift_JIS, EUC-JP or EUC-KR`;
      throw new UnsupportedFileTypeError(reason, { filename: originalName, detected: 'binary' });
    }
    return textType;
  }

  /** The text encoding of an accepted text document (null for PDF and DOCX), as its parser will read it. */
  textEncoding(head: Buffer, type: DocumentType): TextEncoding | null {
    if (type === 'pdf' || type === 'docx') return null;
    return detectTextEncoding(head, { html: type === 'html' }) ?? null;
  }
}
