import { decodeInput } from './decode';
import { applyReplacements, type MetaEntry } from './meta-file';
import { extractPage } from './extract';
import { composeNotice } from './compose';
import { findSpam } from '../lint/spam';
import { checkNoticeFile } from '../content/project';
import { checkAcrossNotices } from '../content/cross-file-rules';
import type { NoticeSchema } from '../model/notice-schema';
import type { NoticeModel } from '../model/notice-model';
import type { PublicFiles } from '../content/public-files';
import { indexNoSlug } from '../model/index-no';

/** Everything one import needs to know about the site it imports into. */
export interface ImportContext {
  schema: NoticeSchema;
  model: NoticeModel;
  /** 索引号 already taken → the output path (relative to the output folder) that holds it. */
  taken: Map<string, string>;
  publicFiles: PublicFiles;
}

export type ImportOutcome =
  | { ok: true; input: string; path: string; content: string; notes: string[]; supplied: string[] }
  | { ok: false; input: string; problems: string[]; notes: string[] };

/**
 * One scraped page → one notice, or the reasons it cannot be one. Pure: the caller reads the
 * bytes and writes the result, so a refused page never leaves a file behind.
 */
export function importPage(
  bytes: Uint8Array,
  input: string,
  meta: MetaEntry | undefined,
  ctx: ImportContext,
): ImportOutcome {
  const decoded = decodeInput(bytes);
  if (!decoded.ok)
    return { ok: false, input, problems: [`${decoded.zh}（${decoded.en}）`], notes: [] };

  const problems: string[] = [];
  const { text, unmatched } = applyReplacements(decoded.text, meta?.replace ?? []);
  for (const find of unmatched) problems.push(`--meta 中的替换「${find}」在原文中没有找到`);
  for (const hit of findSpam(text)) {
    problems.push(
      `第 ${hit.line} 行：疑似被篡改植入的内容「${hit.match}」（${hit.rule}）。请核实原文，并在 --meta 文件中用 replace 给出更正后再导入`,
    );
  }

  const page = extractPage(text);
  const composed = composeNotice(page, meta, input);
  if (composed.missing.length) {
    problems.push(
      `缺少必填字段：${composed.missing.join('、')}。原文没有这些信息，请在 --meta 文件中为「${input}」提供（不会自动编造）`,
    );
  }
  if (problems.length) return { ok: false, input, problems, notes: page.notes };

  // Every single-file rule of `npm run check` (content model, spam lint, content policy) on what would be written.
  const { notice: checked, problems: own } = checkNoticeFile(
    input,
    composed.source,
    ctx.schema,
    ctx.model,
  );
  const path = checked.data
    ? `${checked.data.date.slice(0, 4)}/${indexNoSlug(checked.data.indexNo)}.md`
    : '';
  // Cross-file rules on the new notice alone (its references are to notices already on the site).
  const across = checkAcrossNotices([checked], ctx.publicFiles, ctx.model).filter(
    (p) => !/^(?:replaces|interprets)\[/.test(p.field),
  );
  const problemsOut = [...own, ...across].map(
    (p) =>
      `${p.field}（${p.label}）：${p.message}；发现：${p.value ?? '（缺失）'}${p.expected ? `；应为：${p.expected}` : ''}`,
  );
  if (checked.data) {
    const holder = ctx.taken.get(checked.data.indexNo);
    if (holder && holder !== path)
      problemsOut.push(`indexNo（索引号）：索引号「${checked.data.indexNo}」已被 ${holder} 使用`);
  }
  if (problemsOut.length || !checked.data)
    return { ok: false, input, problems: problemsOut, notes: page.notes };
  return {
    ok: true,
    input,
    path,
    content: composed.source,
    notes: page.notes,
    supplied: composed.supplied,
  };
}
