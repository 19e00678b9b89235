import { safeFilename } from './multipart-file.receiver.js';

describe('safeFilename', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system.ini', 'system.ini'],
    ['re\u0000port\u001f.txt', 'report.txt'],
    ['  résumé 2024.pdf ', 'résumé 2024.pdf'],
    ['..', 'upload'],
    ['', 'upload'],
    [undefined, 'upload'],
  ])('reduces %j to metadata %j', (input, expected) => {
    expect(safeFilename(input)).toBe(expected);
  });

  it('caps the name at 255 characters', () => {
    expect(safeFilename('a'.repeat(300) + '.txt')).toHaveLength(255);
  });
});
