import { describe, expect, it } from 'vitest';
import { checkAttachmentHref, classifyHref } from '../../src/lib/model/attachments';

describe('attachment href', () => {
  it('maps site paths into public/', () => {
    expect(classifyHref('/files/a.pdf')).toEqual({ kind: 'local', path: 'files/a.pdf' });
    expect(classifyHref('files/%E9%99%84%E4%BB%B6.pdf')).toEqual({
      kind: 'local',
      path: 'files/附件.pdf',
    });
  });
  it('accepts http(s) addresses as remote', () => {
    expect(classifyHref('https://kjt.zj.gov.cn/a.pdf')).toEqual({
      kind: 'remote',
      url: 'https://kjt.zj.gov.cn/a.pdf',
    });
  });
  it.each([
    'javascript:alert(1)',
    'data:text/html,x',
    '//evil.example/a.pdf',
    '/files/../../etc/passwd',
    '/files/%E9%99',
    '',
  ])('rejects %s', (href) => {
    expect(checkAttachmentHref(href)).not.toBeNull();
  });
});
