/** What the rules extractor reads: Latin-script text (compromise), Chinese and Japanese (their own cues), or not. */
export type RulesLanguage = 'latin' | 'chinese' | 'japanese' | { unsupported: string };

const SCRIPTS: [name: string, pattern: RegExp][] = [
  ['Korean', /\p{Script=Hangul}/gu],
  ['Cyrillic-script', /\p{Script=Cyrillic}/gu],
  ['Arabic-script', /\p{Script=Arabic}/gu],
  ['Hebrew', /\p{Script=Hebrew}/gu],
  ['Greek', /\p{Script=Greek}/gu],
  ['Thai', /\p{Script=Thai}/gu],
  ['Devanagari-script', /\p{Script=Devanagari}/gu],
];
const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/**
 * The language family of a chunk by the letters it is written in: Japanese when kana is among its Han characters,
 * Chinese when Han characters are at least a fifth of its letters; Latin when Latin letters are the majority;
 * otherwise the script that dominates, which the rules extractor does not read (its English cues would produce
 * garbage there).
 */
export function rulesLanguage(text: string): RulesLanguage {
  const letters = count(text, /\p{L}/gu);
  if (letters === 0) return 'latin';
  const han = count(text, /\p{Script=Han}/gu);
  const kana = count(text, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  if (kana >= 3 && kana * 10 >= han && (han + kana) * 5 >= letters) return 'japanese';
  if (han * 5 >= letters) return 'chinese';
  if (count(text, /\p{Script=Latin}/gu) * 2 >= letters) return 'latin';
  let best: [string, number] = ['this language', 0];
  for (const [name, pattern] of SCRIPTS) {
    const n = count(text, pattern);
    if (n > best[1]) best = [name, n];
  }
  return { unsupported: best[0] };
}
