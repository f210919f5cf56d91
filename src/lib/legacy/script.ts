import { toSimplified } from '../text/simplified';

/** A page is traditional when converting it to simplified (OpenCC) changes enough of it. */

/** zh-Hant when at least 5% of the Han characters change under traditional → simplified conversion. */
export function detectScript(text: string): 'zh-Hans' | 'zh-Hant' {
  const han = [...text].filter((ch) => /\p{Script=Han}/u.test(ch));
  if (han.length === 0) return 'zh-Hans';
  const original = han.join('');
  const converted = [...toSimplified(original)];
  let changed = 0;
  for (let i = 0; i < han.length; i++) if (converted[i] !== han[i]) changed++;
  return changed / han.length >= 0.05 ? 'zh-Hant' : 'zh-Hans';
}
