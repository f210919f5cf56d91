/** Turns an input file's bytes into text, or says in Chinese why it is not a text page. */
export type Decoded = { ok: true; text: string } | { ok: false; zh: string; en: string };

export function decodeInput(bytes: Uint8Array): Decoded {
  if (bytes.includes(0)) {
    return {
      ok: false,
      zh: '不是文本文件（含有 NUL 字节），无法导入',
      en: 'not a text file (contains NUL bytes)',
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      zh: '无法按 UTF-8 解码（可能是 GBK/GB18030 编码，请先转换为 UTF-8，如 iconv -f GB18030 -t UTF-8）',
      en: 'cannot be decoded as UTF-8 (perhaps GBK/GB18030; convert it first)',
    };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/\p{Script=Han}/u.test(text)) {
    return {
      ok: false,
      zh: '文件中没有中文内容，不像是抓取的公开信息页面',
      en: 'no Chinese text: not a scraped notice page',
    };
  }
  return { ok: true, text };
}
