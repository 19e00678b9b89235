import { findUnstorableInput, MAX_INPUT_DEPTH } from './unstorable-input.js';

describe('findUnstorableInput', () => {
  it('passes ordinary JSON, emoji (surrogate pairs) included', () => {
    expect(findUnstorableInput({ a: 'x', b: [1, { c: '😀 ok' }], d: null, e: true })).toBeUndefined();
    expect(findUnstorableInput('plain')).toBeUndefined();
  });

  it('names the field holding a NUL byte, in a value or a key', () => {
    expect(findUnstorableInput({ user: { email: 'a\u0000b' } })).toEqual({ field: 'user.email', problem: 'must not contain NUL characters' });
    expect(findUnstorableInput({ ['k\u0000']: 1 })?.field).toBe('k\u0000');
    expect(findUnstorableInput('\u0000', 'q')?.field).toBe('q');
  });

  it('refuses lone surrogates but not pairs', () => {
    expect(findUnstorableInput({ s: '\ud800' })?.problem).toMatch(/lone surrogate/);
    expect(findUnstorableInput({ s: 'x\udc00' })?.problem).toMatch(/lone surrogate/);
    expect(findUnstorableInput({ s: '\ud83d\ude00' })).toBeUndefined();
  });

  it('refuses nesting deeper than the limit, and accepts it just under', () => {
    const nest = (levels: number) => {
      let value: unknown = 'bottom';
      for (let i = 0; i < levels; i++) value = [value];
      return { v: value };
    };
    expect(findUnstorableInput(nest(MAX_INPUT_DEPTH - 1))).toBeUndefined();
    expect(findUnstorableInput(nest(5000))?.problem).toMatch(/nested deeper/);
  });
});
