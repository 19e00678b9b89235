import { safeFilename } from './multipart-file.receiver.js';

describe('safeFilename', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system.ini', 'system.ini'],
    ['re\u0000port\u001f.txt', 'report.txt'],
    ['  résumé 2024.pdf ', 'résumé 2024.pdf'],
    ['維運手冊（繁體）.md', '維運手冊（繁體）.md'],
    ['C:\\資料\\新闻稿 2026.txt', '新闻稿 2026.txt'],
    ['東京 👩‍💻 記事.txt', '東京 👩‍💻 記事.txt'],
    ['..', 'upload'],
    ['', 'upload'],
    [undefined, 'upload'],
  ])('reduces %j to metadata %j', (input, expected) => {
    expect(safeFilename(input)).toBe(expected);
  });

  it('caps the name at 255 characters', () => {
    expect(safeFilename('a'.repeat(300) + '.txt')).toHaveLength(255);
  });

  it('never cuts a long CJK or emoji name inside a character', () => {
    const name = safeFilename('a' + '𠀋'.repeat(200) + '.txt');
    expect(name).toBe('a' + '𠀋'.repeat(127));
    expect(safeFilename('👩‍👩‍👧‍👦'.repeat(30)).length % 11).toBe(0);
  });
});
