import { Redis } from 'ioredis';
import { QueueName } from '../src/infra/queue/queue-names.js';
import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { RedisKeys } from '../src/infra/redis/redis-keys.js';
import { registerAndLogin } from './support/auth.js';
import { TEST_REDIS_URL } from './support/require-redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

interface SearchHit {
  key: string;
  agent_id: string;
  value: unknown;
  score: number;
}

describe('Agent memory (e2e)', () => {
  let t: TestApp;
  let redis: Redis;
  const userIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    redis = new Redis(TEST_REDIS_URL);
  });

  afterAll(async () => {
    for (const userId of userIds) {
      for (const match of [`${RedisKeys.agentMemory(userId, '', '')}*`, `${RedisKeys.agentMemoryPending(userId, '', '')}*`]) {
        const prefix = match.replace(/::\*$/, ':*');
        for await (const batch of redis.scanStream({ match: prefix, count: 500 })) {
          if ((batch as string[]).length > 0) await redis.del(...(batch as string[]));
        }
      }
    }
    await redis.quit();
    await t.close();
  });

  async function newUser(): Promise<{ token: string; id: string }> {
    const { token, user } = await registerAndLogin(t);
    userIds.push(user.id);
    return { token, id: user.id };
  }

  const put = (token: string, key: string, body: object) =>
    t.http().put(`/api/v1/memory/${key}`).set('authorization', `Bearer ${token}`).send(body);
  const get = (token: string, key: string, agentId?: string) =>
    t
      .http()
      .get(`/api/v1/memory/${key}`)
      .query(agentId ? { agent_id: agentId } : {})
      .set('authorization', `Bearer ${token}`);
  const search = async (token: string, query: string, extra: object = {}): Promise<SearchHit[]> => {
    const res = await t
      .http()
      .post('/api/v1/memory/search')
      .set('authorization', `Bearer ${token}`)
      .send({ query, ...extra })
      .expect(200);
    return res.body.data.results as SearchHit[];
  };
  const consolidationJobs = async (userId: string, key: string) => {
    const queue = t.app.get(TaskQueueService).queue(QueueName.MemoryConsolidation);
    const jobs = await queue.getJobs(['delayed', 'waiting', 'prioritized', 'active', 'completed', 'failed']);
    return jobs.filter((job) => job.data.user_id === userId && job.data.key === key);
  };

  describe('short-term memory', () => {
    it('stores a value and reads it back with the remaining TTL', async () => {
      const { token } = await newUser();
      const stored = await put(token, 'profile.name', { value: { name: 'Ada' }, ttl_seconds: 120, persist: false }).expect(200);
      expect(stored.body).toMatchObject({
        success: true,
        data: { key: 'profile.name', agent_id: 'default', value: { name: 'Ada' }, ttl_seconds: 120, ttl_seconds_remaining: 120 },
      });
      const res = await get(token, 'profile.name').expect(200);
      expect(res.body.data).toMatchObject({ key: 'profile.name', agent_id: 'default', value: { name: 'Ada' } });
      expect(res.body.data.ttl_seconds_remaining).toBeGreaterThanOrEqual(118);
      expect(res.body.data.ttl_seconds_remaining).toBeLessThanOrEqual(120);
      expect(Date.parse(res.body.data.created_at)).not.toBeNaN();
      expect(Date.parse(res.body.data.updated_at)).not.toBeNaN();
    });

    it('defaults the TTL to 3600 s', async () => {
      const { token } = await newUser();
      const res = await put(token, 'k', { value: 'v', persist: false }).expect(200);
      expect(res.body.data.ttl_seconds).toBe(3600);
      expect(res.body.data.ttl_seconds_remaining).toBeGreaterThan(3590);
    });

    it('honours the TTL: 404 MEMORY_NOT_FOUND once it has passed', async () => {
      const { token } = await newUser();
      await put(token, 'fleeting', { value: 'now you see me', ttl_seconds: 1, persist: false }).expect(200);
      await get(token, 'fleeting').expect(200);
      const gone = await waitFor(async () => {
        const res = await get(token, 'fleeting');
        return res.status === 404 ? res : undefined;
      }, 10_000);
      expect(gone.body).toMatchObject({ success: false, error: { code: 'MEMORY_NOT_FOUND' } });
    });

    it('restarts the TTL on each read with refresh_on_read, and only then', async () => {
      const { token, id } = await newUser();
      await put(token, 'sticky', { value: 1, ttl_seconds: 60, refresh_on_read: true, persist: false }).expect(200);
      await put(token, 'plain', { value: 2, ttl_seconds: 60, persist: false }).expect(200);
      // Stand in for elapsed time: shorten both TTLs directly in Redis.
      await redis.expire(RedisKeys.agentMemory(id, 'default', 'sticky'), 5);
      await redis.expire(RedisKeys.agentMemory(id, 'default', 'plain'), 5);
      expect((await get(token, 'sticky').expect(200)).body.data.ttl_seconds_remaining).toBe(60);
      expect(await redis.ttl(RedisKeys.agentMemory(id, 'default', 'sticky'))).toBeGreaterThan(50);
      expect((await get(token, 'plain').expect(200)).body.data.ttl_seconds_remaining).toBeLessThanOrEqual(5);
      expect(await redis.ttl(RedisKeys.agentMemory(id, 'default', 'plain'))).toBeLessThanOrEqual(5);
    });

    it('keeps users apart: the user part comes from the token', async () => {
      const alice = await newUser();
      const bob = await newUser();
      await put(alice.token, 'secret', { value: 'alice', persist: false }).expect(200);
      await get(bob.token, 'secret').expect(404);
      await put(bob.token, 'secret', { value: 'bob', persist: false }).expect(200);
      expect((await get(alice.token, 'secret').expect(200)).body.data.value).toBe('alice');
      expect((await get(bob.token, 'secret').expect(200)).body.data.value).toBe('bob');
      expect(await redis.exists(RedisKeys.agentMemory(alice.id, 'default', 'secret'))).toBe(1);
      await t.http().delete('/api/v1/memory/secret').set('authorization', `Bearer ${bob.token}`).expect(200);
      expect((await get(alice.token, 'secret').expect(200)).body.data.value).toBe('alice');
    });

    it('keeps agents apart', async () => {
      const { token } = await newUser();
      await put(token, 'plan', { value: 'planner', agent_id: 'planner', persist: false }).expect(200);
      await put(token, 'plan', { value: 'critic', agent_id: 'critic', persist: false }).expect(200);
      expect((await get(token, 'plan', 'planner').expect(200)).body.data).toMatchObject({ agent_id: 'planner', value: 'planner' });
      expect((await get(token, 'plan', 'critic').expect(200)).body.data.value).toBe('critic');
      await get(token, 'plan').expect(404);
      await get(token, 'plan', 'writer').expect(404);
    });

    it('rejects bad keys, agent ids and fields with 400 in the envelope', async () => {
      const { token } = await newUser();
      const long = 'k'.repeat(257);
      for (const key of ['a%2Fb', 'a%20b', 'a*', long, 'caf%C3%A9', 'x%0Ay']) {
        const res = await put(token, key, { value: 1 });
        expect([key, res.status, res.body.error?.code]).toEqual([key, 400, 'VALIDATION_ERROR']);
      }
      await put(token, 'k'.repeat(256), { value: 1, persist: false }).expect(200);
      await put(token, 'a.b_c-d:e', { value: 1, persist: false }).expect(200);
      for (const body of [
        { value: 1, agent_id: 'a:b' },
        { value: 1, agent_id: '*' },
        { value: 1, agent_id: '' },
        { value: 1, ttl_seconds: 0 },
        { value: 1, ttl_seconds: 86_401 },
        { value: 1, ttl_seconds: '60' },
        { value: 1, ttl_seconds: 1.5 },
        { value: 1, persist: 'yes' },
        { value: 1, user_id: 'someone-else' },
        { ttl_seconds: 60 },
      ]) {
        const res = await put(token, 'k', body);
        expect([body, res.status, res.body.error?.code]).toEqual([body, 400, 'VALIDATION_ERROR']);
      }
      await get(token, 'k', 'bad agent').expect(400);
      await t.http().get('/api/v1/memory').query({ agent_id: 'x?y' }).set('authorization', `Bearer ${token}`).expect(400);
    });

    it('accepts any JSON value up to 64 KiB and answers 413 in the envelope above it', async () => {
      const { token } = await newUser();
      for (const value of [null, 0, false, 'text', [1, 'two'], { nested: { deep: [true] } }]) {
        const res = await put(token, 'json', { value, persist: false }).expect(200);
        expect(res.body.data.value).toEqual(value);
      }
      const fits = 'x'.repeat(64 * 1024 - 2); // with its quotes exactly 64 KiB of JSON
      await put(token, 'big', { value: fits, persist: false }).expect(200);
      expect((await get(token, 'big').expect(200)).body.data.value).toBe(fits);

      const tooBig = await put(token, 'big', { value: 'x'.repeat(65 * 1024), persist: false }).expect(413);
      expect(tooBig.body).toMatchObject({ success: false, error: { code: 'MEMORY_VALUE_TOO_LARGE' } });
      const huge = await put(token, 'big', { value: 'x'.repeat(300 * 1024), persist: false }).expect(413);
      expect(huge.body).toMatchObject({ success: false });
      expect((await get(token, 'big').expect(200)).body.data.value).toBe(fits);
    });

    it('lists keys with a prefix, paged by cursor, per agent', async () => {
      const { token } = await newUser();
      const keys = Array.from({ length: 12 }, (_, i) => `note:${String(i).padStart(2, '0')}`);
      for (const key of keys) await put(token, key, { value: key, persist: false }).expect(200);
      await put(token, 'other', { value: 'x', persist: false }).expect(200);
      await put(token, 'note:99', { value: 'x', agent_id: 'elsewhere', persist: false }).expect(200);

      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const res = await t
          .http()
          .get('/api/v1/memory')
          .query({ prefix: 'note:', limit: 5, ...(cursor ? { cursor } : {}) })
          .set('authorization', `Bearer ${token}`)
          .expect(200);
        expect(res.body.data.items.length).toBeLessThanOrEqual(5);
        seen.push(...res.body.data.items.map((item: { key: string }) => item.key));
        cursor = res.body.data.next_cursor ?? undefined;
        if (!cursor) break;
      }
      expect(seen.sort()).toEqual(keys);
      await t.http().get('/api/v1/memory').query({ cursor: 'junk' }).set('authorization', `Bearer ${token}`).expect(400);
      await t.http().get('/api/v1/memory').query({ limit: 0 }).set('authorization', `Bearer ${token}`).expect(400);
    });

    it('documents the memory routes in OpenAPI', async () => {
      const res = await t.http().get('/docs-json').expect(200);
      const paths = res.body.paths as Record<string, Record<string, unknown>>;
      expect(Object.keys(paths['/api/v1/memory/{key}']).sort()).toEqual(['delete', 'get', 'put']);
      expect(paths['/api/v1/memory/search']).toHaveProperty('post');
      expect(paths['/api/v1/memory']).toHaveProperty('get');
    });

    it('needs a bearer token', async () => {
      await t.http().get('/api/v1/memory/anything').expect(401);
      await t.http().put('/api/v1/memory/anything').send({ value: 1 }).expect(401);
    });
  });

  describe('long-term recall', () => {
    it('debounces quick writes to one key into one consolidation job that stores the last value', async () => {
      const { token, id } = await newUser();
      for (let i = 1; i <= 5; i++) await put(token, 'mood', { value: `mood version ${i}` }).expect(200);
      expect(await consolidationJobs(id, 'mood')).toHaveLength(1);

      const hits = await waitFor(async () => {
        const found = await search(token, 'mood version 5');
        return found.length > 0 ? found : undefined;
      });
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({ key: 'mood', agent_id: 'default', value: 'mood version 5' });
      expect(await consolidationJobs(id, 'mood')).toHaveLength(1);
    });

    it('recalls a memory after its short-term key expired', async () => {
      const { token } = await newUser();
      await put(token, 'colour', { value: 'the user likes the colour teal', ttl_seconds: 1 }).expect(200);
      await put(token, 'food', { value: { likes: 'ramen noodles' }, ttl_seconds: 3600 }).expect(200);
      await waitFor(async () => (await get(token, 'colour')).status === 404, 10_000);
      const hits = await waitFor(async () => {
        const found = await search(token, 'the user likes the colour teal', { top_k: 5 });
        return found.length === 2 ? found : undefined;
      });
      expect(hits[0]).toMatchObject({ key: 'colour', value: 'the user likes the colour teal' });
      expect(hits[0].score).toBeGreaterThan(hits[1].score);
      expect(await search(token, 'the user likes the colour teal', { top_k: 1 })).toHaveLength(1);
    });

    it('searches only the caller and, when asked, one agent', async () => {
      const alice = await newUser();
      const bob = await newUser();
      await put(alice.token, 'fact', { value: 'alice owns a red bicycle', agent_id: 'a1' }).expect(200);
      await put(alice.token, 'fact', { value: 'alice owns a blue kayak', agent_id: 'a2' }).expect(200);
      await waitFor(async () => (await search(alice.token, 'alice owns')).length === 2);
      expect(await search(bob.token, 'alice owns a red bicycle')).toEqual([]);
      const onlyA2 = await search(alice.token, 'alice owns a red bicycle', { agent_id: 'a2' });
      expect(onlyA2.map((hit) => hit.agent_id)).toEqual(['a2']);
    });

    it('deletes both the short-term key and the long-term row', async () => {
      const { token, id } = await newUser();
      await put(token, 'todo', { value: 'buy oat milk' }).expect(200);
      await waitFor(async () => (await search(token, 'buy oat milk')).length === 1);
      const res = await t.http().delete('/api/v1/memory/todo').set('authorization', `Bearer ${token}`).expect(200);
      expect(res.body.data).toMatchObject({ short_term_deleted: true, long_term_deleted: true });
      await get(token, 'todo').expect(404);
      expect(await search(token, 'buy oat milk')).toEqual([]);
      expect(await redis.exists(RedisKeys.agentMemoryPending(id, 'default', 'todo'))).toBe(0);
      await t.http().delete('/api/v1/memory/todo').set('authorization', `Bearer ${token}`).expect(404);
    });

    it('does not bring back a memory deleted before its consolidation ran', async () => {
      const { token, id } = await newUser();
      await put(token, 'draft', { value: 'never to be recalled' }).expect(200);
      await t.http().delete('/api/v1/memory/draft').set('authorization', `Bearer ${token}`).expect(200);
      await waitFor(async () => {
        const [job] = await consolidationJobs(id, 'draft');
        return job && (await job.getState()) === 'completed';
      });
      expect(await search(token, 'never to be recalled')).toEqual([]);
    });

    it('does not consolidate a write with persist=false', async () => {
      const { token, id } = await newUser();
      await put(token, 'scratch', { value: 'scratch pad', persist: false }).expect(200);
      expect(await consolidationJobs(id, 'scratch')).toHaveLength(0);
    });

    it('validates the search body', async () => {
      const { token } = await newUser();
      for (const body of [{}, { query: '' }, { query: 'x', top_k: 0 }, { query: 'x', top_k: 51 }, { query: 'x', agent_id: 'a b' }]) {
        const res = await t.http().post('/api/v1/memory/search').set('authorization', `Bearer ${token}`).send(body);
        expect([body, res.status]).toEqual([body, 400]);
      }
    });
  });
});
