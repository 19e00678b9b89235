import { rendezvousIndex } from './rendezvous.js';

const keys = Array.from({ length: 2000 }, (_, i) => `file-${i}`);
const two = ['127.0.0.1:6380/0', '127.0.0.1:6381/0'];
const three = [...two, '127.0.0.1:6382/0'];

describe('rendezvousIndex', () => {
  it('sends a key to the same shard every time, and spreads keys over the shards', () => {
    const first = keys.map((key) => rendezvousIndex(key, two));
    expect(keys.map((key) => rendezvousIndex(key, two))).toEqual(first);
    const onSecond = first.filter((index) => index === 1).length;
    expect(onSecond).toBeGreaterThan(keys.length * 0.4);
    expect(onSecond).toBeLessThan(keys.length * 0.6);
  });

  it('adding a shard moves only keys to the new shard (about a third), none between the old ones', () => {
    const moved = keys.filter((key) => two[rendezvousIndex(key, two)] !== three[rendezvousIndex(key, three)]);
    expect(moved.every((key) => rendezvousIndex(key, three) === 2)).toBe(true);
    expect(moved.length).toBeGreaterThan(keys.length * 0.25);
    expect(moved.length).toBeLessThan(keys.length * 0.42);
  });

  it('removing a shard moves only its own keys, whatever the order of the list', () => {
    const withoutFirst = [three[2], three[1]];
    for (const key of keys) {
      const before = three[rendezvousIndex(key, three)];
      const after = withoutFirst[rendezvousIndex(key, withoutFirst)];
      if (before !== three[0]) expect(after).toBe(before);
    }
  });
});
