import { describe, expect, it } from 'vitest';
import { policyLibrary, standingLine } from '../../src/lib/site/policy-library';
import type { PublishedNoticeData } from '../../src/lib/model/notice-schema';

const doc = (indexNo: string, fields: Partial<PublishedNoticeData>) => ({
  data: { indexNo, ...fields } as PublishedNoticeData,
});

describe('policyLibrary', () => {
  // Newest first, as the site lists notices.
  const notices = [
    doc('a', { docType: '行政规范性文件', validity: '有效' }),
    doc('b', { docType: '其他文件' }),
    doc('c', { docType: '规章', validity: '有效' }),
    doc('d', { docType: '行政规范性文件', validity: '废止' }),
    doc('e', { docType: '行政规范性文件', validity: '有效' }),
    doc('f', { docType: '规章', validity: '已修改' }),
    doc('g', { docType: '行政法规', validity: '有效' }),
    doc('h', {}),
  ];
  const ids = (list: Array<{ data: PublishedNoticeData }>) => list.map((n) => n.data.indexNo);

  it('holds the 规章 and 行政规范性文件 by declared validity, grouped in the docTypes order, newest first within a group', () => {
    const lib = policyLibrary(notices, ['规章', '行政规范性文件', '其他文件']);
    expect(ids(lib.inForce)).toEqual(['c', 'a', 'e']);
    expect(ids(lib.notInForce)).toEqual(['f', 'd']);
  });
  it('follows the site’s docTypes order', () => {
    expect(ids(policyLibrary(notices, ['行政规范性文件', '规章']).inForce)).toEqual([
      'a',
      'e',
      'c',
    ]);
  });
});

describe('standingLine', () => {
  it('says when a document in force took effect and until when', () => {
    expect(
      standingLine({ validity: '有效', effectiveFrom: '2024-09-01', expiresOn: '2029-08-31' }),
    ).toBe('2024年09月01日起施行，有效期至2029年08月31日');
    expect(standingLine({ validity: '有效' })).toBe('');
  });
  it('says how and when one left force', () => {
    expect(standingLine({ validity: '废止', repealedOn: '2024-06-01' })).toBe('2024年06月01日废止');
    expect(standingLine({ validity: '失效', expiresOn: '2023-12-31' })).toBe(
      '2023年12月31日有效期届满，已失效',
    );
    expect(standingLine({ validity: '失效' })).toBe('已失效');
    expect(standingLine({ validity: '已修改' })).toBe('已修改');
  });
});
