import { classifyHref } from '../model/attachments';
import { FIELDS } from '../model/fields';
import { asModel, type ModelSource, type NoticeModel } from '../model/notice-model';
import type { CheckedNotice } from './validate-notice';
import type { Problem } from './problem';
import type { PublicFiles } from './public-files';
import { formatIndexNo, parseIndexNo, type IndexNoFormat } from '../model/index-no';

/**
 * Rules that need more than one file: 索引号 unique across the site; attachments and images whose
 * files exist in public/ (and are not empty); `replaces` and `interprets` pointing at published
 * policy documents, a replaced one no longer 有效.
 */
export function checkAcrossNotices(
  notices: readonly CheckedNotice[],
  files: PublicFiles,
  source: NoticeModel | ModelSource,
): Problem[] {
  const model = asModel(source);
  const problems: Problem[] = [];
  // The same 索引号, or one that differs only in the serial's zero padding (…/2024-1 and …/2024-00001).
  const byIndexNo = new Map<string, CheckedNotice[]>();
  for (const n of notices) {
    // As written: a notice with other problems still takes part (every problem in one run).
    const indexNo = n.data?.indexNo ?? n.refs?.indexNo;
    if (!indexNo) continue;
    const key = indexNoIdentity(
      indexNo,
      model.indexNoRules(n.data?.issuer ?? n.refs?.issuer).format,
    );
    const list = byIndexNo.get(key) ?? [];
    list.push(n);
    byIndexNo.set(key, list);
  }
  for (const list of byIndexNo.values()) {
    if (list.length < 2) continue;
    for (const n of list)
      problems.push(
        duplicateIndexNoProblem(
          n,
          list
            .filter((o) => o !== n)
            .map((o) => ({ file: o.file, indexNo: (o.data?.indexNo ?? o.refs?.indexNo)! })),
        ),
      );
  }
  for (const n of notices) {
    for (const [i, written] of (n.data?.attachments ?? n.refs?.attachments ?? []).entries()) {
      const title = written.title || `第 ${i + 1} 个附件`;
      const fault = publicFileFault(files, written.href);
      if (!fault) continue;
      const { path, empty, suggestion } = fault;
      problems.push({
        file: n.file,
        line: n.parsed.lineOf(['attachments', i, 'href']),
        field: `attachments[${i}].href`,
        label: FIELDS['attachments.href']!.label,
        value: written.href,
        expected: suggestion
          ? `/${suggestion}`
          : empty
            ? `public/${path} 应为完整的附件文件`
            : `public/${path} 应存在（请把附件放到 public/ 下）`,
        message: empty
          ? `附件「${title}」的文件 public/${path} 是空文件（0 字节），读者下载后打不开`
          : `附件「${title}」的文件 public/${path} 不存在${misspelt(suggestion)}`,
        messageEn: empty
          ? `attachment "${title}": file public/${path} is empty`
          : `attachment "${title}": file public/${path} does not exist`,
      });
    }
    for (const img of n.images ?? []) {
      const fault = publicFileFault(files, img.url);
      if (!fault) continue;
      const { path, empty, suggestion } = fault;
      problems.push({
        file: n.file,
        line: img.line,
        field: 'body',
        label: '正文',
        value: img.written,
        expected: suggestion
          ? `/${suggestion}`
          : `public/${path} 应存在（请把图片放到 public/ 下）`,
        message: empty
          ? `图片文件 public/${path} 是空文件（0 字节）`
          : `图片文件 public/${path} 不存在${misspelt(suggestion)}`,
        messageEn: empty
          ? `image file public/${path} is empty`
          : `image file public/${path} does not exist`,
      });
    }
  }
  problems.push(...referenceProblems(notices, model));
  return problems;
}

/**
 * What is wrong with the public/ file a local address names: missing (with the file it probably
 * meant) or empty. Null when the file is there, or the address is not local.
 */
function publicFileFault(
  files: PublicFiles,
  href: string,
): { path: string; empty: boolean; suggestion?: string } | null {
  const target = classifyHref(href);
  if (target?.kind !== 'local') return null;
  const size = files.size(target.path);
  if (size !== null && size > 0) return null;
  const suggestion = size === null ? files.suggest(target.path) : undefined;
  return { path: target.path, empty: size === 0, ...(suggestion ? { suggestion } : {}) };
}

const misspelt = (suggestion: string | undefined) =>
  suggestion ? `；存在的文件是 public/${suggestion}，是否写错了路径（大小写、空格或反斜杠）？` : '';

/** `replaces` and `interprets`: each 索引号 names a published notice of kind 政策文件; a replaced one is not 有效. */
function referenceProblems(notices: readonly CheckedNotice[], model: NoticeModel): Problem[] {
  const byIndexNo = new Map<string, CheckedNotice>();
  for (const n of notices) if (n.data) byIndexNo.set(n.data.indexNo, n);
  const problems: Problem[] = [];
  for (const n of notices) {
    if (!n.data) continue;
    for (const key of ['replaces', 'interprets'] as const) {
      for (const [i, ref] of (n.data[key] ?? []).entries()) {
        const target = byIndexNo.get(ref);
        const label = key === 'replaces' ? '替代的文件' : '解读的文件';
        const at = {
          file: n.file,
          line: n.parsed.lineOf([key, i]) ?? n.parsed.lineOf([key]),
          field: `${key}[${i}]`,
          label,
          value: ref,
        };
        let zh: string | null = null;
        let en = '';
        if (ref === n.data.indexNo)
          [zh, en] = ['不能引用本文自己', 'a notice cannot refer to itself'];
        else if (!target)
          [zh, en] = [`本站没有索引号为「${ref}」的信息`, `no notice has index number ${ref}`];
        else if (target.data!.draft)
          [zh, en] = [
            `索引号「${ref}」的信息（${target.file}）是草稿，尚未发布`,
            `${ref} (${target.file}) is a draft`,
          ];
        else if (model.kindOf(target.data!.category) !== '政策文件') {
          [zh, en] = [
            `索引号「${ref}」的信息（${target.file}）属于组配分类「${target.data!.category}」，不是政策文件`,
            `${ref} (${target.file}) is not a policy document`,
          ];
        } else if (key === 'replaces' && target.data!.validity === '有效') {
          [zh, en] = [
            `被替代的文件「${ref}」（${target.file}）的有效性仍是「有效」，应改为 失效、废止 或 已修改`,
            `replaced document ${ref} (${target.file}) is still 有效`,
          ];
        }
        if (zh)
          problems.push({
            ...at,
            expected: '本站已发布的政策文件的索引号',
            message: `${label}：${zh}`,
            messageEn: `${key}: ${en}`,
          });
      }
    }
  }
  return problems;
}

/** A 索引号 as compared for uniqueness: its serial without zero padding, when it parses in `format`. */
export function indexNoIdentity(indexNo: string, format: IndexNoFormat): string {
  const parts = parseIndexNo(indexNo, format);
  return parts
    ? formatIndexNo({ ...parts, serial: String(Number(parts.serial)) }, format)
    : indexNo;
}

/** A notice whose 索引号 is also used by `others` (files, and the 索引号 as each wrote it). */
export function duplicateIndexNoProblem(
  n: CheckedNotice,
  others: ReadonlyArray<{ file: string; indexNo: string }>,
): Problem {
  const indexNo = (n.data?.indexNo ?? n.refs?.indexNo)!;
  const padded = others.filter((o) => o.indexNo !== indexNo);
  return {
    file: n.file,
    line: n.parsed.lineOf(['indexNo']),
    field: 'indexNo',
    label: FIELDS.indexNo!.label,
    value: indexNo,
    expected: '全站唯一的索引号（换一个未使用的流水号）',
    message: `索引号「${indexNo}」重复：${others.map((o) => o.file).join('、')} 也使用了它${padded.length ? `（${padded.map((o) => `「${o.indexNo}」`).join('、')}只是流水号补零不同，是同一个号）` : ''}`,
    messageEn: `index number "${indexNo}" is not unique: also used by ${others.map((o) => o.file).join(', ')}`,
  };
}
