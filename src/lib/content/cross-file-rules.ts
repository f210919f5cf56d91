import { classifyHref } from '../model/attachments';
import { FIELDS } from '../model/fields';
import type { CheckedNotice } from './validate-notice';
import type { Problem } from './problem';

/**
 * Rules that need more than one file: 索引号 unique across the site, and local attachments that
 * exist in public/. `publicFileExists` is given a path relative to public/.
 */
export function checkAcrossNotices(notices: readonly CheckedNotice[], publicFileExists: (path: string) => boolean): Problem[] {
  const problems: Problem[] = [];
  const byIndexNo = new Map<string, CheckedNotice[]>();
  for (const n of notices) {
    if (!n.data) continue;
    const list = byIndexNo.get(n.data.indexNo) ?? [];
    list.push(n);
    byIndexNo.set(n.data.indexNo, list);
  }
  for (const [indexNo, list] of byIndexNo) {
    if (list.length < 2) continue;
    for (const n of list) problems.push(duplicateIndexNoProblem(n, list.filter((o) => o !== n).map((o) => o.file)));
  }
  for (const n of notices) {
    for (const [i, a] of (n.data?.attachments ?? []).entries()) {
      const target = classifyHref(a.href);
      if (target?.kind !== 'local' || publicFileExists(target.path)) continue;
      problems.push({
        file: n.file,
        line: n.parsed.lineOf(['attachments', i, 'href']),
        field: `attachments[${i}].href`,
        label: FIELDS['attachments.href']!.label,
        value: a.href,
        expected: `public/${target.path} 应存在（请把附件放到 public/ 下）`,
        message: `附件「${a.title}」的文件 public/${target.path} 不存在`,
        messageEn: `attachment "${a.title}": file public/${target.path} does not exist`,
      });
    }
  }
  return problems;
}

/** A notice whose 索引号 is also used by `others` (files). */
export function duplicateIndexNoProblem(n: CheckedNotice, others: readonly string[]): Problem {
  const indexNo = n.data!.indexNo;
  return {
    file: n.file,
    line: n.parsed.lineOf(['indexNo']),
    field: 'indexNo',
    label: FIELDS.indexNo!.label,
    value: indexNo,
    expected: '全站唯一的索引号（换一个未使用的流水号）',
    message: `索引号「${indexNo}」重复：${others.join('、')} 也使用了它`,
    messageEn: `index number "${indexNo}" is not unique: also used by ${others.join(', ')}`,
  };
}
