import { QueueName } from '../queue-names.js';
import { parsePoolQueueName, poolQueueName } from './pool-queue-name.js';
import { routeRuleSchema, type RouteRule, type RoutingContext } from './route-rule.js';
import { TaskRouter } from './task-router.js';

const rule = (input: Record<string, unknown>): RouteRule => routeRuleSchema.parse(input);
const job = (overrides: Partial<RoutingContext> = {}): RoutingContext => ({
  queue: QueueName.FileProcessing,
  job: 'process-file',
  ...overrides,
});

describe('TaskRouter (routing rules)', () => {
  it('sends a job no rule matches to pool default, also without any rules', () => {
    expect(new TaskRouter().poolFor(job())).toBe('default');
    expect(new TaskRouter([rule({ pool: 'gpu', queue: 'vectorization' })]).poolFor(job())).toBe('default');
  });

  it('takes the first rule that matches, in file order', () => {
    const router = new TaskRouter([
      rule({ pool: 'heavy', file_type: 'pdf', min_bytes: 1000 }),
      rule({ pool: 'docs', file_type: ['pdf', 'docx'] }),
      rule({ pool: 'rest' }),
    ]);
    expect(router.poolFor(job({ fileType: 'pdf', fileSize: 5000 }))).toBe('heavy');
    expect(router.poolFor(job({ fileType: 'pdf', fileSize: 10 }))).toBe('docs');
    expect(router.poolFor(job({ fileType: 'txt', fileSize: 5000 }))).toBe('rest');
  });

  it('matches queue and job name, each one value or a list', () => {
    const router = new TaskRouter([rule({ pool: 'graph', queue: ['kg_extraction'], job: ['extract-graph', 'regenerate'] })]);
    expect(router.poolFor(job({ queue: QueueName.KgExtraction, job: 'extract-graph' }))).toBe('graph');
    expect(router.poolFor(job({ queue: QueueName.KgExtraction, job: 'other' }))).toBe('default');
    expect(router.poolFor(job({ job: 'extract-graph' }))).toBe('default');
  });

  it('matches the owner by user id or role; a job without an owner matches neither', () => {
    const router = new TaskRouter([rule({ pool: 'mine', user_id: 'u-1' }), rule({ pool: 'staff', role: 'admin' })]);
    expect(router.poolFor(job({ userId: 'u-1', role: 'admin' }))).toBe('mine');
    expect(router.poolFor(job({ userId: 'u-2', role: 'admin' }))).toBe('staff');
    expect(router.poolFor(job({ userId: 'u-2', role: 'user' }))).toBe('default');
    expect(router.poolFor(job())).toBe('default');
  });

  it('matches the file type by extension (with or without the dot) or MIME type, case-insensitive, image/* as a family', () => {
    const router = new TaskRouter([rule({ pool: 'pdf', file_type: '.PDF' }), rule({ pool: 'img', file_type: 'image/*' }), rule({ pool: 'md', file_type: 'text/markdown' })]);
    expect(router.poolFor(job({ fileType: 'pdf' }))).toBe('pdf');
    expect(router.poolFor(job({ fileType: 'png', mimeType: 'image/png' }))).toBe('img');
    expect(router.poolFor(job({ fileType: 'md', mimeType: 'Text/Markdown; charset=utf-8' }))).toBe('md');
    expect(router.poolFor(job({ fileType: 'txt', mimeType: 'text/plain' }))).toBe('default');
  });

  it('matches sizes inclusively between min_bytes and max_bytes; a job without a size never matches a size rule', () => {
    const router = new TaskRouter([rule({ pool: 'mid', min_bytes: 100, max_bytes: 200 })]);
    expect(router.poolFor(job({ fileSize: 100 }))).toBe('mid');
    expect(router.poolFor(job({ fileSize: 200 }))).toBe('mid');
    expect(router.poolFor(job({ fileSize: 99 }))).toBe('default');
    expect(router.poolFor(job({ fileSize: 201 }))).toBe('default');
    expect(router.poolFor(job())).toBe('default');
  });

  it('lists the pools a queue may route to: default first, then each rule pool once, only rules that can match the queue', () => {
    const router = new TaskRouter([
      rule({ pool: 'heavy', min_bytes: 1 }),
      rule({ pool: 'gpu', queue: 'vectorization' }),
      rule({ pool: 'heavy', queue: 'file_processing' }),
    ]);
    expect(router.poolsOf(QueueName.FileProcessing)).toEqual(['default', 'heavy']);
    expect(router.poolsOf(QueueName.Vectorization)).toEqual(['default', 'heavy', 'gpu']);
  });
});

describe('pool queue names', () => {
  it('keeps the queue name for pool default and derives <queue>@<pool> (no ":", which BullMQ forbids) for others', () => {
    expect(poolQueueName(QueueName.FileProcessing)).toBe('file_processing');
    expect(poolQueueName(QueueName.FileProcessing, 'default')).toBe('file_processing');
    expect(poolQueueName(QueueName.FileProcessing, 'heavy')).toBe('file_processing@heavy');
    expect(() => poolQueueName(QueueName.FileProcessing, 'a:b')).toThrow(/Invalid worker pool name/);
  });

  it('parses a pool queue name back; unknown queues and a spelled-out default pool are not pool queues', () => {
    expect(parsePoolQueueName('file_processing@heavy')).toEqual({ queue: 'file_processing', pool: 'heavy' });
    expect(parsePoolQueueName('vectorization')).toEqual({ queue: 'vectorization', pool: 'default' });
    expect(parsePoolQueueName('nope@heavy')).toBeUndefined();
    expect(parsePoolQueueName('vectorization@default')).toBeUndefined();
    expect(parsePoolQueueName('vectorization@a b')).toBeUndefined();
  });
});
