import { analyse } from 'chardet';
import iconv from 'iconv-lite';

/** The text encodings accepted for txt, md, csv, json and html files. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'big5', 'gb18030', 'shift_jis', 'euc-jp', 'euc-kr'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** chardet's names of the legacy CJK encodings we accept (GB2312 and GBK are subsets of GB18030). */
const DETECTED: Readonly<Record<string, TextEncoding>> = {
  Big5: 'big5',
  GB18030: 'gb18030',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
};
/** Labels an HTML page may declare (WHATWG names and common aliases), mapped to what we decode with. */
const DECLARED: Readonly<Record<string, TextEncoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  'x-gbk': 'gb18030',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'x-sjis': 'shift_jis',
  'windows-31j': 'shift_jis',
  'euc-jp': 'euc-jp',
  'euc-kr': 'euc-kr',
};
// chardet's confidence (0-100) below which a legacy encoding is a guess we do not act on.
const MIN_CONFIDENCE = 30;
// Replacement characters tolerated in a decoded head (the last character may be cut by the head's end).
const MAX_REPLACEMENTS = 1;
const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

/**
 * The encoding of text whose first bytes are `head`, or undefined when it is not text we can read. In order: a
 * byte-order mark (UTF-8, UTF-16); an HTML page's declared charset (`<meta charset>` or http-equiv, in its first
 * KiB); strictly valid UTF-8; otherwise chardet's best guess among Big5, GB18030, Shift_JIS, EUC-JP and EUC-KR,
 * kept only when confident and when the head decodes in it without replacement characters. NUL bytes outside
 * UTF-16 mean binary content.
 */
export function detectTextEncoding(head: Buffer, options: { html?: boolean } = {}): TextEncoding | undefined {
  const marked = byteOrderMark(head);
  if (marked) return marked !== 'utf-8' || isUtf8(head.subarray(3)) ? marked : undefined;
  if (head.includes(0)) return undefined;
  if (options.html) {
    const declared = declaredCharset(head);
    if (declared && declared !== 'utf-16le' && declared !== 'utf-16be') return declared;
  }
  if (isUtf8(head)) return 'utf-8';
  for (const { name, confidence } of analyse(head)) {
    const encoding = DETECTED[name];
    if (encoding && confidence >= MIN_CONFIDENCE && decodesCleanly(head, encoding)) return encoding;
  }
  return undefined;
}

/** True when the bytes start with a UTF-8 or UTF-16 byte-order mark. */
export function hasByteOrderMark(head: Buffer): boolean {
  return byteOrderMark(head) !== undefined;
}

function byteOrderMark(head: Buffer): TextEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The charset an HTML page declares in its first KiB, when it is one we decode. */
export function declaredCharset(head: Buffer): TextEncoding | undefined {
  const label = DECLARED_CHARSET.exec(head.subarray(0, 1024).toString('latin1'))?.[1]?.toLowerCase();
  return label ? DECLARED[label] : undefined;
}

/** Valid UTF-8; a multi-byte character cut at the end of the head is fine. */
function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function decodesCleanly(head: Buffer, encoding: TextEncoding): boolean {
  const text = iconv.decode(head, encoding);
  let replacements = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replacements += 1;
  return replacements <= MAX_REPLACEMENTS && !text.includes('\0');
}

/** The content type with its charset when the text is not UTF-8 ("text/plain; charset=big5"). */
export function withCharset(contentType: string, encoding: TextEncoding | undefined): string {
  return encoding && encoding !== 'utf-8' ? `${contentType}; charset=${encoding}` : contentType;
}
