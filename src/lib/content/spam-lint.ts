import { findSpam } from '../lint/spam';
import { fieldInfo, formatPath } from '../model/fields';
import type { ParsedNotice } from './frontmatter';
import type { Problem } from './problem';

const MESSAGE_EN =
  'looks injected by an attacker (gambling/SEO spam); the notice is not published until it is removed';

/** The defacement lint over a notice's body and every text value of its frontmatter. */
export function spamProblems(file: string, parsed: ParsedNotice): Problem[] {
  const problems: Problem[] = [];
  for (const hit of findSpam(parsed.body)) {
    problems.push({
      file,
      line: parsed.bodyLine + hit.line - 1,
      field: 'body',
      label: '正文',
      value: hit.match,
      expected: '删除或改正被植入的内容（核实原文后再发布）',
      message: `疑似被篡改植入的内容「${hit.match}」（${hit.rule}）`,
      messageEn: `"${hit.match}" ${MESSAGE_EN}`,
    });
  }
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      for (const hit of findSpam(value)) {
        problems.push({
          file,
          line: parsed.lineOf(path),
          field: formatPath(path),
          label: fieldInfo(path).label,
          value: hit.match,
          expected: '删除或改正被植入的内容（核实原文后再发布）',
          message: `疑似被篡改植入的内容「${hit.match}」（${hit.rule}）`,
          messageEn: `"${hit.match}" ${MESSAGE_EN}`,
        });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  visit(parsed.data, []);
  return problems;
}
