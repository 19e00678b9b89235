import { UploadProgressThrottle } from './upload-progress.throttle.js';

describe('UploadProgressThrottle', () => {
  const MIB = 1024 * 1024;

  it('reports every MiB even when the bytes arrive fast', () => {
    let now = 0;
    const throttle = new UploadProgressThrottle(() => now);
    const due = [64 * 1024, MIB - 1, MIB, MIB + 10, 2 * MIB].map((bytes) => {
      now += 1;
      return throttle.due(bytes);
    });
    expect(due).toEqual([false, false, true, false, true]);
  });

  it('reports every 250 ms even when the bytes arrive slowly', () => {
    let now = 0;
    const throttle = new UploadProgressThrottle(() => now);
    const due = [100, 249, 250, 400, 500].map((at, i) => {
      now = at;
      return throttle.due((i + 1) * 10);
    });
    expect(due).toEqual([false, false, true, false, true]);
  });
});
