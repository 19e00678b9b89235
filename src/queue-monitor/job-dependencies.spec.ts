import { toJobRef } from './job-dependencies.js';

describe('toJobRef', () => {
  it('splits a BullMQ job key into queue and id, keeping the colons of a job id', () => {
    expect(toJobRef('bull:kg_extraction:file:ab12:graph', 'bull')).toEqual({ queue_name: 'kg_extraction', job_id: 'file:ab12:graph' });
    expect(toJobRef('{bull}:vectorization:42', '{bull}')).toEqual({ queue_name: 'vectorization', job_id: '42' });
  });
});
