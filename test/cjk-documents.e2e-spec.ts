import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { Redis } from 'ioredis';
import { RedisKeys } from '../src/infra/redis/redis-keys.js';
import { registerAndLogin } from './support/auth.js';
import { TEST_REDIS_URL } from './support/require-redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/cjk/${name}`, import.meta.url), 'utf8');
const GUIDE = fixture('guide.zh-Hant.md');
const NEWS = fixture('news.zh-Hans.txt');
const JAPANESE = fixture('story.ja.txt');
const MIXED = fixture('mixed.zh-en.md');
const ENGLISH = [
  'Backups of the reporting database run every night at two o’clock and are kept for thirty days.',
  'Alerts page the on-call engineer when more than fifty jobs fail within ten minutes.',
  'Administrators must rotate their password every ninety days; it needs at least sixteen characters.',
  'Uploads larger than one hundred megabytes are refused with an error code.',
].join('\n\n');

/** A language the rules extractor does not read. */
const KOREAN = '회사는 내년 봄 부산에 새로운 물류 센터를 열 계획이라고 밝혔다.';

/** Chinese queries (Traditional and Simplified, against a Traditional guide and a Simplified news text) → a phrase of the passage that answers them. */
const CHINESE_QUERIES: [query: string, passage: string][] = [
  ['資料庫備份多久執行一次', '凌晨兩點自動執行完整備份'],
  ['数据库备份保留多少天', '凌晨兩點自動執行完整備份'],
  ['告警系統什麼時候通知值班工程師', '告警系統會寄送電子郵件'],
  ['员工离职时要停用帐号吗', '員工離職時'],
  ['上传文件的大小上限是多少', '單一檔案的大小上限'],
  ['升級前要先備份資料庫嗎', '升級前請先閱讀版本說明'],
  ['稽核紀錄保存期限', '保存期限為七年'],
  ['向量索引的效能调校', '向量索引在資料量超過一百萬筆'],
  ['檔案一直停留在排隊狀態怎麼辦', '停留在排隊狀態'],
  ['密钥和密码应该存放在哪里', '密鑰管理服務'],
  ['連線池上限預設多少條', '連線池的上限預設為二十條'],
  ['星河动力在苏州建设电池工厂', '苏州市建设新能源电池工厂'],
  ['綠色未來基金會關注用水量', '对项目的用水量表示关注'],
  ['慕尼黑研發中心招聘工程師', '慕尼黑联合设立研发中心'],
];
/** Mixed Chinese/English passages are found by either language; Japanese by Japanese. */
const OTHER_QUERIES: [query: string, passage: string][] = [
  ['Redis Cluster gossip bus', 'gossip bus 使用的連接埠'],
  ['每個節點需要開放的連接埠', 'gossip bus 使用的連接埠'],
  ['switch embedding provider to OpenAI', 'EMBEDDING_PROVIDER=openai'],
  ['大阪府の新しい工場', '大阪府で新しい工場'],
];

interface SearchResult {
  file_id: string;
  text: string;
  score: number;
}

describe('Chinese and Japanese documents end to end (e2e)', () => {
  let t: TestApp;
  let redis: Redis;
  let alice: { token: string };
  let bob: { token: string };
  const fileIds: string[] = [];
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  /** Uploads raw bytes as a multipart body whose file name is sent RFC 5987-encoded (filename*=UTF-8''…). */
  const upload = async (token: string, bytes: Buffer, filename: string): Promise<string> => {
    const boundary = `cjk-${Date.now()}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="upload.bin"; ` +
          `filename*=UTF-8''${encodeURIComponent(filename)}\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t
      .http()
      .post('/api/v1/files')
      .set(as(token))
      .set('content-type', `multipart/form-data; boundary=${boundary}`)
      .send(body);
    if (res.status !== 202) throw new Error(`upload ${filename}: ${res.status} ${JSON.stringify(res.body)}`);
    const fileId = res.body.data.file_id as string;
    fileIds.push(fileId);
    return fileId;
  };
  const completed = (token: string, fileId: string) =>
    waitFor(async () => {
      const status = await t.http().get(`/api/v1/files/${fileId}/status`).set(as(token));
      if (status.body.data?.status === 'failed') throw new Error(`processing failed: ${JSON.stringify(status.body)}`);
      return status.body.data?.status === 'completed' ? (status.body.data as { message: string }) : undefined;
    }, 60_000);
  const search = async (token: string, query: string, mode: 'vector' | 'hybrid'): Promise<SearchResult[]> => {
    const res = await t.http().post('/api/v1/vectors/search').set(as(token)).send({ query, mode, top_k: 3 }).expect(200);
    return res.body.data.results as SearchResult[];
  };
  const entities = async (token: string, q: string) => {
    const res = await t.http().get(`/api/v1/graph/entities`).query({ q, limit: 200 }).set(as(token)).expect(200);
    return res.body.data.entities as { name: string; type: string }[];
  };

  let guideId: string;
  let japaneseId: string;
  let koreanId: string;
  let big5Id: string;
  let gb18030Id: string;

  beforeAll(async () => {
    // Chunks of about one section of the guide.
    t = await createTestApp({ CHUNK_SIZE_TOKENS: '256', CHUNK_OVERLAP_TOKENS: '32' });
    redis = new Redis(TEST_REDIS_URL);
    alice = await registerAndLogin(t);
    bob = await registerAndLogin(t);
    guideId = await upload(alice.token, Buffer.from(GUIDE), '維運手冊（繁體）.md');
    const newsId = await upload(alice.token, Buffer.from(NEWS), '新闻稿 2026.txt');
    japaneseId = await upload(alice.token, Buffer.from(JAPANESE), '記事.txt');
    const mixedId = await upload(alice.token, Buffer.from(MIXED), 'deploy 筆記.md');
    const englishId = await upload(alice.token, Buffer.from(ENGLISH), 'operations.md');
    koreanId = await upload(alice.token, Buffer.from(KOREAN), '공지.txt');
    big5Id = await upload(bob.token, iconv.encode(GUIDE, 'big5'), '維運手冊-big5.md');
    gb18030Id = await upload(bob.token, iconv.encode(GUIDE, 'gb18030'), '維運手冊-gb18030.txt');
    for (const id of [guideId, newsId, japaneseId, mixedId, englishId, koreanId]) await completed(alice.token, id);
    for (const id of [big5Id, gb18030Id]) await completed(bob.token, id);
  }, 180_000);

  afterAll(async () => {
    for (const id of fileIds) await redis.del(RedisKeys.uploadProgress(id), RedisKeys.processingStatus(id));
    await redis.quit();
    await t.close();
  });

  it('keeps CJK file names sent as filename*= unchanged, and the detected encoding in content_type', async () => {
    const guide = await t.http().get(`/api/v1/files/${guideId}`).set(as(alice.token)).expect(200);
    expect(guide.body.data).toMatchObject({ filename: '維運手冊（繁體）.md', file_type: 'md', content_type: 'text/markdown' });
    const big5 = await t.http().get(`/api/v1/files/${big5Id}`).set(as(bob.token)).expect(200);
    expect(big5.body.data).toMatchObject({ filename: '維運手冊-big5.md', content_type: 'text/markdown; charset=big5' });
    const gb = await t.http().get(`/api/v1/files/${gb18030Id}`).set(as(bob.token)).expect(200);
    expect(gb.body.data).toMatchObject({ file_type: 'txt', content_type: 'text/plain; charset=gb18030' });
  });

  it.each(['vector', 'hybrid'] as const)(
    'ranks the passage that answers each Chinese query first, beside English documents (%s search)',
    async (mode) => {
      expect(CHINESE_QUERIES.length).toBeGreaterThanOrEqual(10);
      const misses: string[] = [];
      for (const [query, passage] of [...CHINESE_QUERIES, ...OTHER_QUERIES]) {
        const [top] = await search(alice.token, query, mode);
        if (!top?.text.includes(passage)) misses.push(`${query} → ${top?.text.slice(0, 40) ?? 'nothing'}`);
      }
      expect(misses).toEqual([]);
    },
  );

  it('decodes the guide saved as Big5 and as GB18030: the same passages, searchable in either script', async () => {
    for (const [query, passage] of CHINESE_QUERIES.slice(0, 11)) {
      const results = await search(bob.token, query, 'vector');
      expect(results[0]?.text).toContain(passage);
      expect([big5Id, gb18030Id]).toContain(results[0].file_id);
    }
    const chunks = await t.http().get(`/api/v1/files/${big5Id}/chunks`).set(as(bob.token)).expect(200);
    const text = (chunks.body.data.chunks as { text: string }[]).map((c) => c.text).join('');
    expect(text).toContain('系統每天凌晨兩點自動執行完整備份');
    expect(text).not.toContain('\ufffd');
  });

  it('finds the organizations and places of the Chinese texts by a Chinese query in either script', async () => {
    const find = async (q: string) => (await entities(alice.token, q)).map((e) => `${e.name}/${e.type}`);
    expect(await find('星河')).toContain('星河动力公司/organization');
    expect(await find('銀行')).toEqual(expect.arrayContaining(['中国建设银行/organization', '国家开发银行/organization']));
    expect(await find('臺灣大學')).toContain('國立臺灣大學/organization');
    expect(await find('台北市政府')).toContain('臺北市政府/organization');
    expect(await find('蘇州市')).toContain('苏州市/place');
    expect(await find('宁波')).toContain('宁波市/place');
    expect(await find('刘建国')).toContain('刘建国/person');
  });

  it('stores no single character, punctuation or stop-word as an entity', async () => {
    const all = await entities(alice.token, '');
    expect(all.length).toBeGreaterThan(15);
    for (const { name } of all) {
      expect(Array.from(name).length).toBeGreaterThanOrEqual(2);
      expect(name).not.toMatch(/^[\p{P}\p{S}\s]+$/u);
      expect(['的', '公司', '我們', '他們', '政府']).not.toContain(name);
    }
  });

  it("builds the Japanese text's graph with Japanese cues", async () => {
    const graph = await t.http().get(`/api/v1/graph/${japaneseId}`).set(as(alice.token)).expect(200);
    const nodes = (graph.body.data.nodes as { name: string; type: string }[]).map((n) => `${n.name}/${n.type}`);
    expect(nodes).toEqual(
      expect.arrayContaining(['株式会社さくら精機/organization', '大阪府/place', '大阪大学/organization', '山本健一/person']),
    );
  });

  it('says in the status message when the rules extractor cannot read a language, and still makes the file searchable', async () => {
    const status = await t.http().get(`/api/v1/files/${koreanId}/status`).set(as(alice.token)).expect(200);
    expect(status.body.data.kg_extraction).toEqual({ status: 'completed', progress: 100 });
    expect(status.body.data.message).toMatch(/Korean text is not supported by the rules extractor \(1 of 1 chunks skipped\)/);
    const graph = await t.http().get(`/api/v1/graph/${koreanId}`).set(as(alice.token)).expect(200);
    expect(graph.body.data.nodes).toEqual([]);
    const [top] = await search(alice.token, '부산 물류 센터', 'vector');
    expect(top.file_id).toBe(koreanId);
  });

  it('recalls agent memories by Chinese queries, Chinese values round-tripping unchanged', async () => {
    const memories: [key: string, value: string][] = [
      ['pref.backup', '使用者偏好在凌晨備份資料庫'],
      ['pref.language', '用户希望所有回答都使用简体中文'],
      ['pref.coffee', 'The user drinks espresso every morning'],
    ];
    for (const [key, value] of memories) {
      await t.http().put(`/api/v1/memory/${key}`).set(as(alice.token)).send({ value }).expect(200);
    }
    const recall = async (query: string) =>
      (await t.http().post('/api/v1/memory/search').set(as(alice.token)).send({ query, top_k: 3 }).expect(200)).body.data
        .results as { key: string; value: string }[];
    const hits = await waitFor(async () => {
      const found = await recall('資料庫什麼時候備份');
      return found.length === 3 ? found : undefined;
    }, 30_000);
    expect(hits[0]).toEqual(expect.objectContaining({ key: 'pref.backup', value: '使用者偏好在凌晨備份資料庫' }));
    expect((await recall('回答要用簡體中文'))[0].key).toBe('pref.language');
    const stored = await t.http().get('/api/v1/memory/pref.language').set(as(alice.token)).expect(200);
    expect(stored.body.data.value).toBe('用户希望所有回答都使用简体中文');
    await t.http().put(`/api/v1/memory/${encodeURIComponent('偏好')}`).set(as(alice.token)).send({ value: 1 }).expect(400);
    for (const [key] of memories) await t.http().delete(`/api/v1/memory/${key}`).set(as(alice.token)).expect(200);
  });
});
