import { describe, expect, it } from 'vitest';
import { dateCn, regulationPreamble } from '../../src/lib/site/preamble';

describe('a 规章’s 题注', () => {
  it('dates without leading zeros', () => {
    expect(dateCn('2019-04-03')).toBe('2019年4月3日');
  });
  it('published by its order, and when it takes effect', () => {
    expect(
      regulationPreamble({
        date: '2025-03-03',
        docNo: '广州市人民政府令第134号',
        effectiveFrom: '2025-04-01',
      }),
    ).toBe('（2025年3月3日广州市人民政府令第134号公布　自2025年4月1日起施行）');
    expect(regulationPreamble({ date: '2025-03-03', docNo: '广州市人民政府令第134号' })).toBe(
      '（2025年3月3日广州市人民政府令第134号公布）',
    );
  });
  it('revised: the earlier order’s publication, then this one’s 修订', () => {
    expect(
      regulationPreamble(
        { date: '2019-04-03', docNo: '国务院令第711号', effectiveFrom: '2019-05-15' },
        { date: '2007-04-05', docNo: '国务院令第492号' },
      ),
    ).toBe(
      '（2007年4月5日国务院令第492号公布　2019年4月3日国务院令第711号修订　自2019年5月15日起施行）',
    );
  });
  it('none without a 文号', () => {
    expect(regulationPreamble({ date: '2025-03-03' })).toBeNull();
  });
});
