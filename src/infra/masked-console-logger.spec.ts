import { jest } from '@jest/globals';
import { MaskedConsoleLogger } from './masked-console-logger.js';

describe('MaskedConsoleLogger', () => {
  afterEach(() => jest.restoreAllMocks());

  const captured = () => {
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    jest.spyOn(process.stderr, 'write').mockImplementation(capture);
    return lines;
  };

  it('masks passwords in messages and in stack traces', () => {
    const lines = captured();
    const logger = new MaskedConsoleLogger('Test');
    logger.warn('Redis unavailable at redis://:hunter2@127.0.0.1:6379/0');
    const error = new Error('connect to postgres://app:s3cret@db:5432/docai failed');
    logger.error(error.message, error.stack);
    const printed = lines.join('');
    expect(printed).toContain('redis://:***@127.0.0.1:6379/0');
    expect(printed).toContain('postgres://app:***@db:5432/docai');
    expect(printed).not.toMatch(/hunter2|s3cret/);
  });
});
