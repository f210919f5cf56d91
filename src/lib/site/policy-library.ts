import type { PublishedNoticeData } from '../model/notice-schema';
import { TYPES_WITH_VALIDITY } from '../model/notice-schema';
import { formatDateZh } from './format';

/**
 * The library of rules in force (现行有效规章和行政规范性文件库) and, beside it, the rules no longer in
 * force: the 规章 and 行政规范性文件 (the types that must state 有效性), grouped by 文件类型 in the
 * order the site's docTypes name them, newest first inside each group.
 *
 * Membership is what the office declared in `validity`: a static page cannot change by the calendar
 * without a build, and a document still marked 有效 past its 有效期至 is wrong information that
 * `npm run audit` fails, not something the build quietly corrects.
 */
export interface PolicyLibrary<N> {
  inForce: N[];
  notInForce: N[];
}

/** Whether a notice belongs in the library at all (a 规章 or 行政规范性文件 that states its validity). */
export function isLibraryDocument(
  data: Pick<PublishedNoticeData, 'docType' | 'validity'>,
): boolean {
  return !!data.docType && TYPES_WITH_VALIDITY.has(data.docType) && !!data.validity;
}

/** Splits notices (newest first) into the two listings, each grouped by 文件类型 in `docTypes` order. */
export function policyLibrary<N extends { data: PublishedNoticeData }>(
  notices: readonly N[],
  docTypes: readonly string[],
): PolicyLibrary<N> {
  const rank = (n: N) => {
    const i = docTypes.indexOf(n.data.docType!);
    return i < 0 ? docTypes.length : i;
  };
  // Array.prototype.sort is stable: newest first holds inside each group.
  const byType = (list: N[]) => list.sort((a, b) => rank(a) - rank(b));
  const members = notices.filter((n) => isLibraryDocument(n.data));
  return {
    inForce: byType(members.filter((n) => n.data.validity === '有效')),
    notInForce: byType(members.filter((n) => n.data.validity !== '有效')),
  };
}

/**
 * What a library line says of a document's standing: when an in-force one took effect and until
 * when; how and when one left force (废止 on its 废止日期, 失效 after its 有效期至).
 */
export function standingLine(
  data: Pick<PublishedNoticeData, 'validity' | 'effectiveFrom' | 'expiresOn' | 'repealedOn'>,
): string {
  const parts: string[] = [];
  if (data.validity === '有效') {
    if (data.effectiveFrom) parts.push(`${formatDateZh(data.effectiveFrom)}起施行`);
    if (data.expiresOn) parts.push(`有效期至${formatDateZh(data.expiresOn)}`);
    return parts.join('，');
  }
  if (data.validity === '废止')
    return data.repealedOn ? `${formatDateZh(data.repealedOn)}废止` : '已废止';
  if (data.validity === '失效')
    return data.expiresOn ? `${formatDateZh(data.expiresOn)}有效期届满，已失效` : '已失效';
  return data.validity === '已修改' ? '已修改' : '';
}
