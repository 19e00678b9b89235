import { isLoopback, metricsAccessAllowed } from './metrics-access.js';

describe('GET /metrics access', () => {
  it('is open to loopback callers (IPv4, IPv6, IPv4-mapped)', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(address)).toBe(true);
    for (const address of ['10.0.0.5', '::ffff:10.0.0.5', '192.168.1.1', 'fe80::1', '', undefined]) {
      expect(isLoopback(address)).toBe(false);
    }
  });

  it('needs the METRICS_TOKEN bearer from elsewhere, compared exactly', () => {
    expect(metricsAccessAllowed('10.0.0.5', undefined, 'secret-token')).toBe(false);
    expect(metricsAccessAllowed('10.0.0.5', 'Bearer secret-token', 'secret-token')).toBe(true);
    expect(metricsAccessAllowed('10.0.0.5', 'Bearer secret-toke', 'secret-token')).toBe(false);
    expect(metricsAccessAllowed('10.0.0.5', 'Basic secret-token', 'secret-token')).toBe(false);
    expect(metricsAccessAllowed('10.0.0.5', 'Bearer anything', undefined)).toBe(false);
    expect(metricsAccessAllowed('127.0.0.1', undefined, 'secret-token')).toBe(true);
  });
});
