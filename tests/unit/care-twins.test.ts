import { describe, expect, it } from 'vitest';
import {
  byMode,
  isTwin,
  onlyInMarks,
  TWIN_CARE_CLASS,
  splitTwin,
} from '../../src/lib/site/care-twins';
import { inMode } from '../../src/lib/site/routes';

describe('care twins', () => {
  const care = onlyInMarks('care');
  const standard = onlyInMarks('standard');
  const twin =
    `<html lang="zh-Hans" class="${TWIN_CARE_CLASS}"><head>${care.open}<link href="/c.css">${care.close}</head>` +
    `<body><a href="${inMode('/notices/x/', 'twin')}">x</a>` +
    `${care.open}<h1>标题</h1>${care.close}<table></table>${standard.open}<h1>标题</h1>${standard.close}` +
    `<div data-mode="${byMode('twin', 'standard', 'care')}"></div><a href="/files/a.pdf">附件</a></body></html>`;

  it('splits a twin page into the page each mode renders', () => {
    expect(isTwin(twin)).toBe(true);
    expect(splitTwin(twin, '/care').standard).toBe(
      '<html lang="zh-Hans"><head></head><body><a href="/notices/x/">x</a><table></table><h1>标题</h1>' +
        '<div data-mode="standard"></div><a href="/files/a.pdf">附件</a></body></html>',
    );
    expect(splitTwin(twin, '/care').care).toBe(
      '<html lang="zh-Hans" class="care"><head><link href="/c.css"></head><body><a href="/care/notices/x/">x</a>' +
        '<h1>标题</h1><table></table><div data-mode="care"></div><a href="/files/a.pdf">附件</a></body></html>',
    );
  });

  it('gives each mode its own text outside a twin page', () => {
    expect(byMode('standard', 'a', 'b')).toBe('a');
    expect(byMode('care', 'a', 'b')).toBe('b');
    expect(isTwin('<p>普通页面 \uE000 私用区字符</p>')).toBe(false);
  });

  it('refuses a page with a mark it does not know, rather than publish it', () => {
    expect(() => splitTwin('<p>\uE000gk-other\uE001</p>', '/care')).toThrow(/unknown mark/);
    expect(() => splitTwin(`<p>${care.open}未闭合</p>`, '/care')).toThrow(/not closed/);
    expect(() =>
      splitTwin(`<p>${care.open}${standard.open}嵌套${standard.close}</p>`, '/care'),
    ).toThrow(/unknown mark/);
    // The care class anywhere but on its attribute is unknown too.
    expect(() => splitTwin(`<p>${TWIN_CARE_CLASS}</p>`, '/care')).toThrow(/unknown mark/);
  });
});
