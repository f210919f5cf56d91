/**
 * Notices are UTF-8. Windows editors save GBK (记事本's ANSI on a Chinese system) or UTF-16
 * (its "Unicode"); read as UTF-8 those become garbage that fails on whatever field it hits first.
 * This names the encoding instead, when it can be told.
 */
export interface EncodingProblem {
  /** The encoding the bytes look like, e.g. UTF-16LE, GBK/GB18030; null when unknown. */
  encoding: string | null;
  zh: string;
  en: string;
}

const problem = (encoding: string | null): EncodingProblem => ({
  encoding,
  zh: `文件不是 UTF-8 编码${encoding ? `（看起来是 ${encoding}）` : ''}，请用编辑器另存为 UTF-8（记事本：另存为 → 编码选“UTF-8”）`,
  en: `the file is not UTF-8${encoding ? ` (it looks like ${encoding})` : ''}; save it as UTF-8`,
});

export function encodingProblem(bytes: Uint8Array): EncodingProblem | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return problem('UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return problem('UTF-16BE');
  // UTF-16 without a byte-order mark: ASCII characters (---, keys) come with a zero byte beside
  // them, always on the same side.
  const head = bytes.subarray(0, 64);
  let even = 0;
  let odd = 0;
  head.forEach((b, i) => b === 0 && (i % 2 ? odd++ : even++));
  const pairs = head.length / 2;
  if (head.length >= 8 && odd >= pairs * 0.4 && even === 0) return problem('UTF-16LE');
  if (head.length >= 8 && even >= pairs * 0.4 && odd === 0) return problem('UTF-16BE');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return null;
  } catch {
    try {
      const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      if (/\p{Script=Han}/u.test(text)) return problem('GBK/GB18030');
    } catch {
      // neither
    }
    return problem(null);
  }
}
