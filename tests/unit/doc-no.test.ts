import { describe, expect, it } from 'vitest';
import { checkDocNo } from '../../src/lib/model/doc-no';

describe('文号 (GB/T 9704)', () => {
  it.each(['浙科提〔2024〕297号', '越科〔2024〕8号', '国办秘函〔2019〕19号'])('accepts %s', (v) =>
    expect(checkDocNo(v)).toBeNull(),
  );
  it.each([
    ['浙科提[2024]297号', '方括号'],
    ['浙科提(2024)297号', '圆括号'],
    ['浙科提（2024）297号', '全角圆括号'],
    ['浙科提【2024】297号', '实心方头括号'],
  ])('rejects %s and offers the 〔〕 form', (v, name) => {
    const r = checkDocNo(v)!;
    expect(r.zh).toContain(name);
    expect(r.expected).toBe('浙科提〔2024〕297号');
  });
  it('rejects leading zeros and 第', () => {
    expect(checkDocNo('浙科提〔2024〕007号')?.expected).toBe('浙科提〔2024〕7号');
    expect(checkDocNo('浙科提〔2024〕第7号')?.expected).toBe('浙科提〔2024〕7号');
  });
  it.each(['〔2024〕297号', '浙科提〔24〕297号', '浙科提〔2024〕297', '浙科提2024297号'])(
    'rejects the malformed %s',
    (v) => {
      expect(checkDocNo(v)).not.toBeNull();
    },
  );
});
