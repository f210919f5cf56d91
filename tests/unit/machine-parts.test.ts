import { describe, expect, it } from 'vitest';
import {
  checkParts,
  parsePartArg,
  partShards,
  type PartFile,
  type PartIdentity,
} from '../../src/lib/build/machine-parts';
import { shardPlan } from '../../src/lib/build/shards';

const identity: PartIdentity = {
  commit: 'abc',
  code: 'c1',
  config: 'f1',
  notices: 'n1',
  shards: '40,40',
};
const partFile = (part: number, of: number, changes: Partial<PartIdentity> = {}): PartFile => ({
  version: 1,
  part,
  of,
  identity: { ...identity, ...changes },
  bundles: [],
  ids: [],
  files: {},
});

describe('parts of a build on several machines', () => {
  it('reads K/N', () => {
    expect(parsePartArg('2/4')).toEqual({ part: 2, of: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '2/0'])
      expect(() => parsePartArg(bad)).toThrow(/应为 K\/N/);
  });

  it('gives every part a contiguous run of whole shards, each shard to one part', () => {
    const shards = shardPlan(
      Array.from({ length: 10 }, (_, i) => i),
      1,
    );
    const runs = [1, 2, 3, 4].map((k) => partShards(shards, k, 4).map((s) => s.bundle));
    expect(runs).toEqual([
      ['pagefind', 'pagefind-1'],
      ['pagefind-2', 'pagefind-3', 'pagefind-4'],
      ['pagefind-5', 'pagefind-6'],
      ['pagefind-7', 'pagefind-8', 'pagefind-9'],
    ]);
    expect(() => partShards(shards.slice(0, 2), 1, 3)).toThrow(/只有 2 个分片.*不能分成 3 部分/);
  });

  it('accepts the parts 1…N of one checkout, in order', () => {
    const r = checkParts(
      [
        { dir: 'b', file: partFile(2, 2) },
        { dir: 'a', file: partFile(1, 2) },
      ],
      identity,
    );
    expect(r).toEqual({ parts: [partFile(1, 2), partFile(2, 2)], dirs: ['a', 'b'] });
  });

  it('says every reason a set of parts cannot be merged', () => {
    const r = checkParts(
      [
        { dir: 'a', file: partFile(1, 3, { code: 'c2', commit: 'def' }) },
        { dir: 'b', file: partFile(1, 3) },
        { dir: 'c', file: partFile(2, 2, { notices: 'n2' }) },
      ],
      identity,
    );
    expect(r).toEqual({
      problems: [
        'a（第 1/3 部分）的提交（git commit）与本次合并的不同：def ≠ abc',
        'a（第 1/3 部分）的代码（src/、scripts/、依赖）与本次合并的不同',
        'c（第 2/2 部分）的公告内容与本次合并的不同',
        '各部分的总数不一致：a 为 1/3，b 为 1/3，c 为 2/2',
        '第 1/3 部分出现了 2 次：a、b',
        '缺少第 3/3 部分',
      ],
    });
  });
});
