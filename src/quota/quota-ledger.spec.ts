import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { requireRedis, TEST_REDIS_URL } from '../../test/support/require-redis.js';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import { QuotaLedger } from './quota-ledger.js';
import { QuotaExceededError } from './quota.errors.js';
import { UploadReservation } from './upload-reservation.js';

const NO_LIMITS = { maxFiles: null, maxStorageBytes: null, maxUploadsPerHour: null };
const LATER = () => Date.now() + 60_000;

/** The ledger's Lua scripts against a real Redis. */
describe('QuotaLedger (real Redis)', () => {
  let redis: Redis;
  let ledger: QuotaLedger;
  let user: string;

  beforeAll(async () => {
    await requireRedis();
    redis = new Redis(TEST_REDIS_URL);
    ledger = new QuotaLedger(redis);
  });
  beforeEach(() => {
    user = randomUUID();
  });
  afterEach(async () => {
    await redis.del(
      RedisKeys.quotaStored(user),
      RedisKeys.quotaInFlight(user),
      RedisKeys.quotaInFlightBytes(user),
      RedisKeys.quotaUploads(user),
      RedisKeys.quotaActiveJobs(user),
    );
  });
  afterAll(async () => {
    await redis.quit();
  });

  const reconcile = async (files: number, bytes: number) => {
    const { version } = await ledger.reconcileRead(user);
    return ledger.reconcileWrite(user, version, files, bytes);
  };

  it('asks for a reconciliation before it has counts, then admits up to the file limit counting uploads in flight', async () => {
    expect(await ledger.reserveUpload(user, 'a', { ...NO_LIMITS, maxFiles: 2 }, LATER())).toEqual({ ok: false, reason: 'reconcile' });
    expect(await reconcile(1, 100)).toBe(true);
    expect(await ledger.reserveUpload(user, 'a', { ...NO_LIMITS, maxFiles: 2 }, LATER())).toEqual({ ok: true });
    expect(await ledger.reserveUpload(user, 'a', NO_LIMITS, LATER())).toEqual({ ok: false, reason: 'taken' });
    expect(await ledger.reserveUpload(user, 'b', { ...NO_LIMITS, maxFiles: 2 }, LATER())).toEqual({
      ok: false,
      refusal: { quota: 'files', limit: 2, used: 2, freesAtMs: undefined },
    });
    await ledger.settleUpload(user, 'a', 0, 0);
    expect(await ledger.reserveUpload(user, 'b', { ...NO_LIMITS, maxFiles: 2 }, LATER())).toEqual({ ok: true });
  });

  it('refuses a reconciliation computed from a state that changed meanwhile', async () => {
    await reconcile(0, 0);
    const before = await ledger.reconcileRead(user);
    await ledger.reserveUpload(user, 'a', NO_LIMITS, LATER());
    await ledger.settleUpload(user, 'a', 1, 10);
    expect(await ledger.reconcileWrite(user, before.version, 0, 0)).toBe(false);
    expect((await ledger.usage(user)).files).toBe(1);
  });

  it('grows a byte reservation up to the storage limit and refuses past it', async () => {
    await reconcile(0, 600);
    await ledger.reserveUpload(user, 'a', { ...NO_LIMITS, maxStorageBytes: 1000 }, LATER());
    const reservation = new UploadReservation(ledger, user, 'a', 1000, 10_000);
    await reservation.admitBytes(300);
    expect((await ledger.usage(user)).storageBytes).toBe(1000); // 600 stored + 400 granted ahead (all that is left)
    await reservation.admitBytes(400);
    const error = await reservation.admitBytes(401).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuotaExceededError);
    expect((error as QuotaExceededError).details).toEqual({ quota: 'storage_bytes', limit: 1000, used: 600 });
    await reservation.release();
    expect(await ledger.usage(user)).toMatchObject({ files: 0, storageBytes: 600 });
  });

  it('drops a lapsed reservation, and a settle after the lapse makes the counts be rebuilt', async () => {
    await reconcile(0, 0);
    await ledger.reserveUpload(user, 'dead', NO_LIMITS, Date.now() - 1);
    expect((await ledger.reconcileRead(user)).inFlight).toEqual([]);
    await ledger.settleUpload(user, 'dead', 1, 5);
    expect(await ledger.reserveUpload(user, 'next', NO_LIMITS, LATER())).toEqual({ ok: false, reason: 'reconcile' });
  });

  it('counts a job once however often it is admitted, and forgets it only if not admitted again since', async () => {
    expect(await ledger.admitJob(user, 'q/1', 1)).toBeUndefined();
    expect(await ledger.admitJob(user, 'q/1', 1)).toBeUndefined();
    expect(await ledger.admitJob(user, 'q/2', 1)).toEqual({ quota: 'active_jobs', limit: 1, used: 1, freesAtMs: undefined });
    const [{ score }] = await ledger.activeJobs(user);
    await ledger.confirmJob(user, 'q/1');
    await ledger.forgetJobIfUnchanged(user, 'q/1', score);
    expect(await ledger.activeJobs(user)).toHaveLength(1);
    const [confirmed] = await ledger.activeJobs(user);
    expect(confirmed.score).toBeLessThan(0);
    await ledger.forgetJobIfUnchanged(user, 'q/1', confirmed.score);
    expect(await ledger.activeJobs(user)).toEqual([]);
  });
});
