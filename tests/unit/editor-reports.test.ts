import { describe, expect, it } from 'vitest';
import { publishSource } from '../../src/lib/editor/publish-notice';
import { BODY_TODO } from '../../src/lib/model/placeholders';
import { nextIndexNo, newNoticeSource } from '../../src/lib/editor/new-notice';
import { addMonths, isWorkingDay, workingDaysBetween } from '../../src/lib/reports/working-days';
import { auditContent, auditScore, type AuditFinding } from '../../src/lib/reports/audit';
import { annualStatistics } from '../../src/lib/reports/annual';
import { createNoticeSchema } from '../../src/lib/model/notice-schema';
import { DEFAULT_CATEGORIES, parseSiteConfig } from '../../src/lib/model/site-config';
import { checkNoticeSource } from '../../src/lib/content/validate-notice';

const categories = DEFAULT_CATEGORIES.map((c) => c.name);
const schema = createNoticeSchema(categories);
const CREDIT = '11330602056860309P';
const ORG = '002482090';
const F = '{code}/{year}-{serial}';

describe('next 索引号', () => {
  it('follows the highest serial of that code and year, never filling a gap', () => {
    expect(
      nextIndexNo(
        [`${CREDIT}/2024-00001`, `${CREDIT}/2024-00005`, `${CREDIT}/2023-00009`],
        F,
        CREDIT,
        '2024-05-01',
      ),
    ).toBe(`${CREDIT}/2024-00006`);
  });
  it('counts years apart and starts a new year at 00001', () => {
    const existing = [`${CREDIT}/2024-00041`, `${CREDIT}/2023-00009`];
    expect(nextIndexNo(existing, F, CREDIT, '2023-05-01')).toBe(`${CREDIT}/2023-00010`);
    expect(nextIndexNo(existing, F, CREDIT, '2025-05-01')).toBe(`${CREDIT}/2025-00001`);
  });
  it('works for 9-character organisation codes and keeps the series’ width', () => {
    expect(nextIndexNo([`${ORG}/2024-00128`, `${CREDIT}/2024-00500`], F, ORG, '2024-05-01')).toBe(
      `${ORG}/2024-00129`,
    );
    expect(nextIndexNo([`${ORG}/2024-7`], F, ORG, '2024-05-01')).toBe(`${ORG}/2024-8`);
    expect(nextIndexNo([`${ORG}/2024-099999`], F, ORG, '2024-05-01')).toBe(`${ORG}/2024-100000`);
  });
});

describe('next 索引号 in other offices’ forms', () => {
  it('a date-and-serial form (no code) continues the year’s series on the new date', () => {
    expect(
      nextIndexNo(
        ['20191202-189769', '20190315-189001', '20180101-200000'],
        '{year}{month}{day}-{serial}',
        undefined,
        '2019-12-05',
      ),
    ).toBe('20191205-189770');
  });
  it('a code-and-month form keeps the issuer’s code and the width', () => {
    const f = '{code}/{year}{month}-{serial}';
    expect(
      nextIndexNo(
        ['11341702486344515H/202110-00013', '11341702486344515H/202109-00012'],
        f,
        '11341702486344515H',
        '2021-11-02',
      ),
    ).toBe('11341702486344515H/202111-00014');
  });
  it('a hyphenated form', () => {
    expect(
      nextIndexNo(['01527918X-2020-153077'], '{code}-{year}-{serial}', '01527918X', '2020-07-01'),
    ).toBe('01527918X-2020-153078');
  });
});

describe('new notice text', () => {
  it('passes the check as written; a reply gets its skeleton', () => {
    const { source, placeholders } = newNoticeSource({
      category: '人大代表建议',
      issuer: '区科技局',
      indexNo: `${CREDIT}/2024-00001`,
      date: '2024-08-12',
      reply: { session: '区十届人大三次会议', number: '36', addressee: '冯观萍' },
    });
    expect(placeholders).toEqual([]);
    const checked = checkNoticeSource(source, 'new.md', schema, categories);
    expect(checked.problems).toEqual([]);
    expect(checked.data).toMatchObject({
      title: '对区十届人大三次会议第36号建议的答复',
      reply: { kind: '建议', number: '36' },
      draft: true,
    });
  });
  it('publishing stamps 发布日期 and drops draft; the body placeholder then blocks it until written', () => {
    const { source } = newNoticeSource({
      category: '人大代表建议',
      issuer: '区科技局',
      indexNo: `${CREDIT}/2024-00001`,
      date: '2024-08-12',
      reply: { session: '区十届人大三次会议', number: '36', addressee: '冯观萍' },
    });
    const published = publishSource(source, '2024-08-13T10:05:00+08:00');
    if (!published.changed) throw new Error(published.reason);
    expect(published.source).toMatch(
      /^date: 2024-08-12\npublishedAt: 2024-08-13T10:05:00\+08:00\n/m,
    );
    expect(published.source).not.toMatch(/^draft:/m);
    const blocked = checkNoticeSource(published.source, 'new.md', schema, categories);
    const bodyLine = published.source.split('\n').findIndex((l) => l.includes(BODY_TODO)) + 1;
    expect(blocked.problems.map((p) => [p.field, p.line, p.value])).toEqual([
      ['body', bodyLine, BODY_TODO],
    ]);
    const written = checkNoticeSource(
      published.source.replace(BODY_TODO, '您的建议收悉，现答复如下。'),
      'new.md',
      schema,
      categories,
    );
    expect(written.problems).toEqual([]);
    expect(written.data).toMatchObject({ draft: false, publishedAt: '2024-08-13T10:05:00+08:00' });
    expect(publishSource(published.source, '2025-01-01T00:00:00+08:00')).toEqual({
      changed: false,
      reason: expect.stringContaining('已发布'),
    });
  });
  it('marks what is missing and keeps it a draft until filled in', () => {
    const { source, placeholders } = newNoticeSource({
      category: '政协提案',
      issuer: '区科技局',
      indexNo: `${CREDIT}/2024-00002`,
      date: '2024-08-12',
    });
    expect(placeholders).toEqual(['reply.session', 'reply.number', 'reply.addressee', 'title']);
    const checked = checkNoticeSource(source, 'new.md', schema, categories);
    expect(checked.problems).toEqual([]);
    expect(checked.data?.draft).toBe(true);
  });
});

describe('working days', () => {
  const cal = {
    holidays: new Set(['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07']),
    workdays: new Set(['2024-10-12']),
  };
  it('skips weekends and holidays, counts make-up days', () => {
    expect(isWorkingDay('2024-10-05', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2024-10-12', cal)).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2024-10-07', cal)).toBe(false); // Monday, holiday
    expect(workingDaysBetween('2024-09-30', '2024-10-14', cal)).toBe(6); // 8, 9, 10, 11, 12, 14
    expect(workingDaysBetween('2024-10-14', '2024-10-14', cal)).toBe(0);
  });
  // 2025 is typed nowhere in the project: its 春节 holidays and 调休 weekends come from chinese-days.
  const none = { holidays: new Set<string>(), workdays: new Set<string>() };
  it('follows the official calendar of a year no one typed: a 调休 Sunday and Saturday work, the 春节 week does not', () => {
    expect(isWorkingDay('2025-01-26', none)).toBe(true); // Sunday, 调休
    expect(isWorkingDay('2025-01-28', none)).toBe(false); // Tuesday, 春节
    expect(isWorkingDay('2025-02-08', none)).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2025-02-09', none)).toBe(false); // Sunday
    // Fri 01-24 → Mon 02-10: 01-26, 01-27, 02-05, 02-06, 02-07, 02-08, 02-10.
    expect(workingDaysBetween('2025-01-24', '2025-02-10', none)).toBe(7);
  });
  it('takes the site’s holidays and workdays as overrides, and weekends alone past the library’s years', () => {
    expect(
      workingDaysBetween('2025-01-24', '2025-02-10', {
        holidays: new Set(['2025-02-05']),
        workdays: new Set(),
      }),
    ).toBe(6);
    expect(
      isWorkingDay('2025-02-09', { holidays: new Set(), workdays: new Set(['2025-02-09']) }),
    ).toBe(true);
    expect(isWorkingDay('2031-10-01', none)).toBe(true); // a Wednesday in a year no calendar carries yet
    expect(isWorkingDay('2031-10-04', none)).toBe(false); // Saturday
  });
  it('adds calendar months, clamping to the month end', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2024-03-18', 6)).toBe('2024-09-18');
  });
});

describe('audit', () => {
  const config = parseSiteConfig({
    name: 's',
    owner: 'o',
    url: 'https://x.cn',
    categories: [...DEFAULT_CATEGORIES],
    holidays: ['2024-10-01'],
    workdays: [],
  });
  const n = (o: Record<string, unknown>) => ({
    file: 'f.md',
    data: schema.parse({
      title: 't',
      indexNo: `${CREDIT}/${String(o.date).slice(0, 4)}-00001`,
      issuer: '区科技局',
      publishedAt: `${String(o.date)}T09:00:00+08:00`,
      ...o,
    }),
  });
  const notices = [
    n({ category: '工作动态', date: '2024-06-01' }),
    n({ category: '通知公告', date: '2024-03-01', publishedAt: '2024-04-15T09:00:00+08:00' }), // 30 working days later by the official calendar (20 in March after the 1st; 10 in April: 清明 4–6 off, Sunday 7 worked)
    n({ category: '政策文件', date: '2024-06-20', docType: '其他文件' }),
    n({
      category: '人大代表建议',
      date: '2024-06-20',
      reply: { kind: '建议', session: 's', number: '1', addressee: 'a' },
    }),
    n({
      category: '政协提案',
      date: '2024-06-20',
      reply: { kind: '提案', session: 's', number: '1', addressee: 'a' },
    }),
    n({ category: '工作总结', date: '2025-01-05' }), // after the audit date: does not count yet
  ];
  const problems = [
    {
      file: 'bad-date.md',
      line: 5,
      field: 'date',
      label: '发文日期',
      value: '2024-02-30',
      expected: '',
      message: '发文日期：日期不存在',
      messageEn: '',
    },
    {
      file: 'att.md',
      line: 9,
      field: 'attachments[0].href',
      label: '附件地址',
      value: '/f.pdf',
      expected: '',
      message: '附件文件不存在',
      messageEn: '',
    },
  ];
  const findings = auditContent(notices, problems, config, '2024-07-01');
  const by = (rule: string) => findings.filter((f) => f.rule === rule);

  // 政策解读 (a default category) holds nothing here either.
  it('finds empty columns as of the date', () =>
    expect(by('empty-category').map((f) => f.subject)).toEqual(['工作总结', '政策解读']));
  it('finds stale columns by their freshness rule', () => {
    expect(by('stale-category').map((f) => f.subject)).toEqual(['工作动态']); // 2024-06-01 + 14 days < 07-01
    expect(
      auditContent(notices, [], config, '2024-06-10').filter((f) => f.rule === 'stale-category'),
    ).toEqual([]);
  });
  it('finds undated items and attachments that do not download', () => {
    expect(by('undated').map((f) => f.subject)).toEqual(['bad-date.md']);
    expect(by('attachment-missing').map((f) => f.subject)).toEqual(['att.md']);
  });
  it('warns of publication later than 20 working days', () => {
    expect(by('late-publication')).toMatchObject([
      { severity: 'warn', subject: `${CREDIT}/2024-00001` },
    ]);
    expect(by('late-publication')[0]!.message).toContain('相隔 30 个工作日');
    // 8. The file is named, not only the 索引号.
    expect(by('late-publication')[0]!.message).toMatch(/^f\.md（11330602056860309P\/2024-00001）/);
  });
  it('below the thresholds, columns, undated items and broken attachments cost points; nothing fails outright', () => {
    expect(findings.filter((f) => f.severity === 'fail')).toEqual([]);
    expect(findings.filter((f) => f.severity === 'deduct').map((f) => [f.rule, f.points])).toEqual([
      ['stale-category', 5],
      ['empty-category', 5],
      ['empty-category', 5],
      ['undated', 1],
      ['attachment-missing', 1],
    ]);
    expect(auditScore(findings)).toBe(100 - 5 - 5 - 5 - 1 - 1);
  });
});

describe('audit thresholds (国办秘函〔2019〕19号)', () => {
  // Ten columns: five 动态 (2 weeks), three 通知公告 and two 政策文件 (6 months).
  const kinds = [
    '动态',
    '动态',
    '动态',
    '动态',
    '动态',
    '通知公告',
    '通知公告',
    '通知公告',
    '政策文件',
    '政策文件',
  ] as const;
  const columns = kinds.map((kind, i) => ({
    name: `栏目${i + 1}`,
    slug: `c${i + 1}`,
    kind,
    freshness: kind === '动态' ? { days: 14 } : { months: 6 },
  }));
  const config = parseSiteConfig({
    name: 's',
    owner: 'o',
    url: 'https://x.cn',
    categories: columns,
    holidays: [],
    workdays: [],
  });
  const mk = createNoticeSchema(config);
  const notice = (i: number, category: string, date: string) => ({
    file: `n${i}.md`,
    data: mk.parse({
      title: 't',
      indexNo: `${CREDIT}/${date.slice(0, 4)}-${String(i).padStart(5, '0')}`,
      issuer: '区科技局',
      category,
      date,
      publishedAt: `${date}T09:00:00+08:00`,
      ...(category.match(/栏目(9|10)$/) ? { docType: '其他文件' } : {}),
    }),
  });
  /** Every column holds a notice: `staleOnes` of the 动态 columns last updated on 05-01, the rest on 06-25; one fresh notice on the home page. */
  const site = (staleOnes: number) =>
    columns.map((c, i) => notice(i + 1, c.name, i < staleOnes ? '2024-05-01' : '2024-06-25'));
  const at = (notices: ReturnType<typeof site>, asOf = '2024-07-01') =>
    auditContent(notices, [], config, asOf);
  const rules = (fs: AuditFinding[], severity: string) =>
    fs.filter((f) => f.severity === severity).map((f) => f.rule);

  it('4 stale 动态 columns cost 5 points each; the 5th fails the site outright', () => {
    const four = at(site(4));
    expect(rules(four, 'fail')).toEqual([]);
    expect(rules(four, 'deduct')).toEqual([
      'stale-category',
      'stale-category',
      'stale-category',
      'stale-category',
    ]);
    expect(auditScore(four)).toBe(80);
    const five = at(site(5));
    expect(rules(five, 'fail')).toEqual(['stale-columns']);
    expect(five.find((f) => f.rule === 'stale-columns')!.subject).toBe(
      '栏目1、栏目2、栏目3、栏目4、栏目5',
    );
    expect(rules(five, 'deduct')).toEqual([]);
  });

  it('4 empty columns cost 5 points each; the 5th fails the site outright', () => {
    const withEmpty = (n: number) => site(0).slice(n);
    expect(rules(at(withEmpty(4)), 'fail')).toEqual([]);
    expect(rules(at(withEmpty(4)), 'deduct')).toEqual([
      'empty-category',
      'empty-category',
      'empty-category',
      'empty-category',
    ]);
    expect(rules(at(withEmpty(5)), 'fail')).toEqual(['empty-columns']);
  });

  it('a home page with nothing new for more than 14 days fails outright: newest 06-25, fine on 07-09, failing on 07-10', () => {
    // Columns' own freshness aside (their months and days differ), only the home page rule is read here.
    const home = (asOf: string) => at(site(0), asOf).filter((f) => f.rule === 'home-stale');
    expect(home('2024-07-09')).toEqual([]);
    expect(home('2024-07-10')).toMatchObject([
      {
        severity: 'fail',
        message: '首页最新一条信息发布于 2024-06-25，截至 2024-07-10 已超过 14 天没有更新',
      },
    ]);
  });

  it('the annual report is required after 31 January, for a year the site published in', () => {
    const notices = site(0);
    const report = (asOf: string, years: number[]) =>
      auditContent(notices, [], config, asOf, new Set(years))
        .filter((f) => f.rule === 'report-missing')
        .map((f) => f.subject);
    expect(report('2025-01-31', [])).toEqual([]); // due for 2023, when the site published nothing
    expect(report('2025-02-01', [])).toEqual(['2024']);
    expect(report('2025-02-01', [2024])).toEqual([]);
  });
});

describe('audit of policy documents (at fixed dates)', () => {
  const categories = [
    { name: '政策文件', slug: 'zhengce-wenjian', kind: '政策文件' as const },
    { name: '政策解读', slug: 'zhengce-jiedu', kind: '政策解读' as const },
  ];
  const config = parseSiteConfig({
    name: 's',
    owner: 'o',
    url: 'https://x.cn',
    categories,
    holidays: [],
    workdays: [],
  });
  const policySchema = createNoticeSchema(config);
  const n = (file: string, serial: number, o: Record<string, unknown>) => ({
    file,
    data: policySchema.parse({
      title: file,
      indexNo: `${CREDIT}/2024-${String(serial).padStart(5, '0')}`,
      issuer: '区科技局',
      date: '2024-03-01',
      publishedAt: '2024-03-01T09:00:00+08:00',
      ...o,
    }),
  });
  const doc = n('doc.md', 1, {
    category: '政策文件',
    docType: '行政规范性文件',
    validity: '有效',
    expiresOn: '2024-06-30',
  });
  // 2024-03-01 is a Friday: 4, 5, 6 March are 3 working days later, the 7th is 4.
  const onTime = n('on-time.md', 2, {
    category: '政策解读',
    interprets: [doc.data.indexNo],
    date: '2024-03-06',
    publishedAt: '2024-03-06T09:00:00+08:00',
  });
  const late = n('late.md', 3, {
    category: '政策解读',
    interprets: [doc.data.indexNo],
    date: '2024-03-07',
    publishedAt: '2024-03-07T09:00:00+08:00',
  });
  const rules = (asOf: string) =>
    auditContent([doc, onTime, late], [], config, asOf).filter(
      (f) => f.rule === 'expired-in-force' || f.rule === 'late-interpretation',
    );

  it('a document marked 有效 whose 有效期至 has passed fails; on the day itself it does not', () => {
    expect(rules('2024-06-30').map((f) => f.rule)).toEqual(['late-interpretation']);
    const after = rules('2024-07-01');
    expect(after.map((f) => [f.rule, f.severity, f.subject])).toEqual([
      ['expired-in-force', 'fail', doc.data.indexNo],
      ['late-interpretation', 'warn', late.data.indexNo],
    ]);
    expect(after[0]!.message).toMatch(
      /^doc\.md（.*）「doc\.md」有效期至 2024-06-30，截至 2024-07-01 已过期/,
    );
  });
  it('a 解读 more than 3 working days after its document is a warning; 3 is on time', () => {
    expect(
      rules('2024-03-31').map((f) => [f.subject, f.message.match(/晚 (\d+) 个工作日/)?.[1]]),
    ).toEqual([[late.data.indexNo, '4']]);
  });
});

describe('annual statistics', () => {
  const mk = (i: number, o: Record<string, unknown>) => {
    const date = String(o.date ?? '2024-03-01');
    return schema.parse({
      title: 't',
      indexNo: `${CREDIT}/${date.slice(0, 4)}-${String(i).padStart(5, '0')}`,
      issuer: i % 2 ? '区科技局' : '省科技厅',
      category: '通知公告',
      publishedAt: `${date}T09:00:00+08:00`,
      ...o,
      date,
    });
  };
  const data = [
    mk(1, {}),
    mk(2, {}),
    mk(3, { date: '2023-05-01' }),
    mk(4, { draft: 'true' }),
    mk(5, {
      category: '人大代表建议',
      reply: {
        kind: '建议',
        session: '区十届人大三次会议',
        number: '1',
        addressee: 'a',
        resultClass: 'A',
      },
    }),
    mk(6, {
      category: '人大代表建议',
      reply: { kind: '建议', session: '区十届人大三次会议', number: '2', addressee: 'b' },
    }),
    mk(7, {
      category: '政协提案',
      reply: {
        kind: '提案',
        session: '区政协九届三次会议',
        number: '3',
        addressee: 'c',
        resultClass: 'C',
      },
    }),
    mk(8, { date: '2023-12-30', publishedAt: '2024-01-04T09:00:00+08:00' }), // published in 2024
  ];
  const s = annualStatistics(data, 2024, categories);
  it('counts by 发布日期 year, leaving drafts out, matching a direct count', () => {
    const direct = data.filter((d) => !d.draft && d.publishedAt!.startsWith('2024'));
    expect(s.total).toBe(direct.length);
    for (const r of s.byCategory)
      expect(r.count).toBe(direct.filter((d) => d.category === r.category).length);
    expect(s.byCategory.find((r) => r.category === '通知公告')).toEqual({
      category: '通知公告',
      count: 3,
      cumulative: 4,
    });
    expect(s.byIssuer.reduce((n, r) => n + r.count, 0)).toBe(direct.length);
  });
  it('counts replies by 会议 and 办理结果类别', () => {
    expect(s.replies).toEqual([
      {
        kind: '建议',
        session: '区十届人大三次会议',
        count: 2,
        byClass: [1, 0, 0],
        unclassified: 1,
      },
      {
        kind: '提案',
        session: '区政协九届三次会议',
        count: 1,
        byClass: [0, 0, 1],
        unclassified: 0,
      },
    ]);
  });
});
