/**
 * The 题注 printed under a 规章's title: when and by which order it was published, and when it takes
 * effect — （2019年4月3日广州市人民政府令第134号公布　自2019年5月15日起施行）. A 规章 that replaces an
 * earlier one is given as revised: the earlier one's publication, then this one's 修订.
 */
export interface PreambleDoc {
  date: string;
  docNo?: string;
  effectiveFrom?: string;
}

/** 2019-04-03 → 2019年4月3日 (the 题注 form, without leading zeros). */
export function dateCn(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function regulationPreamble(doc: PreambleDoc, revises?: PreambleDoc): string | null {
  if (!doc.docNo) return null;
  const parts = revises?.docNo
    ? [`${dateCn(revises.date)}${revises.docNo}公布`, `${dateCn(doc.date)}${doc.docNo}修订`]
    : [`${dateCn(doc.date)}${doc.docNo}公布`];
  if (doc.effectiveFrom) parts.push(`自${dateCn(doc.effectiveFrom)}起施行`);
  return `（${parts.join('　')}）`;
}
