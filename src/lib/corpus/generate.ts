import { creditCodeCheckChar, orgCodeCheckChar } from '../model/check-digits';
import { DEFAULT_CATEGORIES, DEFAULT_DOC_TYPES } from '../model/site-config';
import { intBetween, pick, seededRandom } from './random';
import {
  ACTIONS,
  GIVEN,
  ISSUER_NAMES,
  NOTICE_TITLES,
  OBJECTS,
  PLACES,
  RESULTS,
  SURNAMES,
  TOPICS,
} from './vocabulary';

/**
 * Generates a realistic corpus of notices (Chinese text like the seeds, tables, replies, a share of
 * MDX) from a fixed seed: the same options give the same files, byte for byte. Tests, the search
 * quality suite and `npm run bench` all draw on it.
 */
export interface CorpusOptions {
  count: number;
  seed?: number;
  /** Share of notices written as .mdx (0–1). */
  mdxShare?: number;
  /** Approximate Chinese characters per body. */
  bodyChars?: number;
}

export interface GeneratedNotice {
  /** Path below src/content/notices/. */
  path: string;
  content: string;
  indexNo: string;
  title: string;
  addressee?: string;
}

export interface GeneratedIssuer {
  name: string;
  code: string;
}

/** Valid organisation codes for generated issuers: half 9-character, half 18-character. */
export function generatedIssuers(): GeneratedIssuer[] {
  return ISSUER_NAMES.map((name, i) => {
    const body = String(70000000 + i * 7919).slice(0, 8);
    const org = body + orgCodeCheckChar(body)!;
    if (i % 2 === 0) return { name, code: org };
    const credit = '11330602' + org;
    return { name, code: credit + creditCodeCheckChar(credit)! };
  });
}

function sentence(rand: () => number): string {
  const place = pick(rand, PLACES);
  const n = intBetween(rand, 2, 980);
  return `${place}${pick(rand, ACTIONS)}${pick(rand, OBJECTS)}，围绕${pick(rand, TOPICS)}累计实施项目${n}项，${pick(rand, RESULTS)}。`;
}

function paragraph(rand: () => number): string {
  return Array.from({ length: intBetween(rand, 2, 4) }, () => sentence(rand)).join('');
}

function table(rand: () => number): string {
  const rows = Array.from(
    { length: intBetween(rand, 2, 4) },
    (_, i) => `| ${i + 1} | ${pick(rand, TOPICS)} | ${paragraph(rand)} |`,
  );
  return ['| 序号 | 具体诉求 | 答复内容 |', '| --- | --- | --- |', ...rows].join('\n');
}

const yaml = (s: string) => (/[:#{}[\],&*!|>'"%@`]|^\s|\s$/.test(s) ? JSON.stringify(s) : s);

export function generateCorpus(options: CorpusOptions): GeneratedNotice[] {
  const rand = seededRandom(options.seed ?? 20240812);
  const issuers = generatedIssuers();
  const mdxShare = options.mdxShare ?? 0.1;
  const bodyChars = options.bodyChars ?? 2600;
  // 政策解读 is left out: a generated 解读 would need a document to interpret, and the corpus (its random
  // sequence, which the search and bench figures are measured on) stays as it was before that category.
  const categories = DEFAULT_CATEGORIES.filter((c) => c.kind !== '政策解读').map((c) => c.name);
  const serials = new Map<string, number>();
  const out: GeneratedNotice[] = [];

  for (let i = 0; i < options.count; i++) {
    const issuer = pick(rand, issuers);
    const year = intBetween(rand, 2015, 2024);
    const date = `${year}-${String(intBetween(rand, 1, 12)).padStart(2, '0')}-${String(intBetween(rand, 1, 28)).padStart(2, '0')}`;
    const key = `${issuer.code}/${year}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    const indexNo = `${key}-${String(serial).padStart(5, '0')}`;
    const category = pick(rand, categories);
    const topic = pick(rand, TOPICS);
    const place = pick(rand, PLACES);
    const isReply = category === '人大代表建议' || category === '政协提案';
    const addressee = isReply ? pick(rand, SURNAMES) + pick(rand, GIVEN) : undefined;
    const number = String(intBetween(rand, 1, 400));
    const session =
      category === '人大代表建议'
        ? `区十届人大${pick(rand, ['一', '二', '三', '四'])}次会议`
        : `区政协九届${pick(rand, ['一', '二', '三', '四'])}次会议`;
    const title = isReply
      ? `对${session}第${number}号${category === '人大代表建议' ? '建议' : '提案'}的答复`
      : pick(rand, NOTICE_TITLES)
          .replace('{topic}', topic)
          .replace('{place}', place)
          .replace('{year}', String(year));

    const fm = [
      `title: ${yaml(title)}`,
      `indexNo: ${indexNo}`,
      `category: ${category}`,
      `issuer: ${issuer.name}`,
      `date: ${date}`,
      `publishedAt: ${date}T${String(intBetween(rand, 8, 17)).padStart(2, '0')}:${String(intBetween(rand, 0, 59)).padStart(2, '0')}:00+08:00`,
      `keywords: [${topic}, ${place}]`,
    ];
    if (rand() < 0.3)
      fm.push(
        `docNo: 越${pick(rand, ['科', '发', '经信', '教'])}〔${year}〕${intBetween(rand, 1, 300)}号`,
      );
    // Policy documents state their type (and a rule's validity); taken from i so the random sequence stays as it was.
    if (category === '政策文件') {
      const docType = DEFAULT_DOC_TYPES[i % DEFAULT_DOC_TYPES.length]!;
      fm.push(
        `docType: ${docType}`,
        ...(docType === '其他文件' ? [] : [`validity: ${i % 7 === 0 ? '失效' : '有效'}`]),
      );
    }
    if (isReply) {
      fm.push(
        'reply:',
        `  kind: ${category === '人大代表建议' ? '建议' : '提案'}`,
        `  session: ${session}`,
        `  number: "${number}"`,
        `  addressee: ${addressee}`,
        `  subject: 关于加快${topic}的${category === '人大代表建议' ? '建议' : '提案'}`,
        `  resultClass: ${pick(rand, ['A', 'B', 'C'])}`,
      );
    }
    fm.push(
      `contact: { name: ${pick(rand, SURNAMES)}${pick(rand, GIVEN)}, phone: "0575-8${intBetween(rand, 1000000, 9999999)}" }`,
    );

    const body: string[] = [];
    if (addressee)
      body.push(
        `${addressee}${category === '人大代表建议' ? '代表' : '委员'}：`,
        `您提出的关于加快${topic}的建议收悉，现答复如下：`,
      );
    let chars = 0;
    let section = 0;
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八'];
    while (chars < bodyChars) {
      if (chars === 0 || rand() < 0.2)
        body.push(`${numerals[section++ % numerals.length]}、${pick(rand, TOPICS)}方面`);
      const p = paragraph(rand);
      body.push(p);
      chars += p.length;
      if (section === 2 && rand() < 0.15) {
        body.push(table(rand));
        section++;
      }
    }
    const ext = rand() < mdxShare ? 'mdx' : 'md';
    if (ext === 'mdx') {
      // MDX notices use the project's components, as editors do.
      body.splice(Math.min(3, body.length), 0, `<提示 标题="办理进度">${paragraph(rand)}</提示>`);
      body.push(
        `<落款 机构="${issuer.name}" 日期="${year}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日" />`,
      );
    }
    out.push({
      path: `${year}/${indexNo.replace('/', '-')}.${ext}`,
      content: `---\n${fm.join('\n')}\n---\n\n${body.join('\n\n')}\n`,
      indexNo,
      title,
      ...(addressee ? { addressee } : {}),
    });
  }
  return out;
}
