import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTempProject,
  PROJECT_ROOT,
  runScript,
  type TempProject,
} from '../support/project-copy';
import { indexNoSlug } from '../../src/lib/model/index-no';
import { serveStatic } from '../support/static-server';
import { launchChromium } from '../helpers/browser';
import { axeViolations } from '../helpers/axe';
import { htmlcsErrors } from '../helpers/htmlcs';

/**
 * A site configured with the forms real offices outside Zhejiang use (tests/fixtures/real-world-site):
 * four 索引号 forms, a published code whose check digit fails, the 令 and 公告 文号, a 联名 and a
 * 集体 reply, a four-class result scheme, a policy document that replaces another and an
 * interpretation. It must pass the check as written and render what each form means.
 */
const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/real-world-site');
const noticeFiles = readdirSync(join(FIXTURE, 'notices')).sort();

/** The 党政机关网站 标识 the fixture's config names, as a file of the site. */
const BADGE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="55" height="64"><rect width="55" height="64" fill="#c00"/></svg>';

/** Writes the fixture into a project: its config, its notices (each through `edit`), the 标识 image. */
function writeFixture(
  project: TempProject,
  edit: (file: string, text: string) => string = (_, t) => t,
) {
  project.write(
    'src/content/site.config.ts',
    readFileSync(join(FIXTURE, 'site.config.ts'), 'utf8'),
  );
  for (const f of noticeFiles)
    project.write(
      `src/content/notices/${f}`,
      edit(f, readFileSync(join(FIXTURE, 'notices', f), 'utf8')),
    );
  project.write('public/files/dzjg-badge.svg', BADGE);
}

/** Text of inline HTML as it reads: tags dropped, nothing added (whitespace in the markup would show). */
const inline = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s*\n\s*/g, '');

/** Text of an HTML fragment as a reader sees it: tags dropped, spacing collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('a site in real offices’ forms', () => {
  let project: TempProject;
  let check: ReturnType<typeof runScript>;
  let build: ReturnType<typeof runScript>;
  const page = (indexNo: string) =>
    readFileSync(join(project.root, 'dist/notices', indexNoSlug(indexNo), 'index.html'), 'utf8');
  const replyTable = (indexNo: string) =>
    textOf(/<table class="[^"]*reply-meta[\s\S]*?<\/table>/.exec(page(indexNo))![0]);

  beforeAll(() => {
    project = createTempProject();
    writeFixture(project);
    check = runScript('check', ['--root', project.root]);
    build = runScript('build', ['--root', project.root]);
  });
  afterAll(() => project.remove());

  it('passes npm run check as written, every notice', () => {
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain(`检查通过：${noticeFiles.length} 篇`);
  });

  it('builds', () => {
    expect(build.status, build.stderr).toBe(0);
  });

  it('a 联名 reply names its lead deputy and co-signers, the alias as its issuer, and the class by the site’s scheme', () => {
    expect(replyTable('20190520-189101')).toBe(
      '人大代表建议信息 会议 市十六届人大二次会议 编号 12 领衔代表 王立新 联名代表 李红、赵建国 提出方式 联名 建议题目 关于加快科技成果转化的建议 办理方式 主办 办理结果类别 A 类（所提问题已经解决或基本解决）',
    );
    // Written as the alias 齐齐哈尔市科学技术局, shown as the configured name.
    expect(textOf(page('20190520-189101'))).toContain('发布机构 齐齐哈尔市科技局');
  });

  it('a 集体 proposal shows its proposing body as 提出单位, and 办理方式 协办', () => {
    expect(replyTable('20190815-189400')).toBe(
      '政协提案信息 会议 市政协十三届三次会议 编号 45 提出单位 民盟齐齐哈尔市委员会 提出方式 集体 提案题目 关于完善科技人才评价机制的提案 办理方式 协办 办理结果类别 B 类（所提问题正在解决或列入计划逐步解决）',
    );
  });

  it('class D exists in a four-class scheme, and the report counts by the site’s classes', () => {
    expect(replyTable('20191202-189769')).toContain(
      '办理结果类别 D 类（所提问题因法律政策等原因无法解决）',
    );
    const report = textOf(readFileSync(join(project.root, 'dist/reports/2019/index.html'), 'utf8'));
    expect(report).toContain('A 类 B 类 C 类 D 类 未标注');
    // 二次会议: 12 (A) and 31 (D); 一次会议: 7 (C).
    expect(report).toContain('人大代表建议 市十六届人大一次会议 1 0 0 1 0 0');
    expect(report).toContain('人大代表建议 市十六届人大二次会议 2 1 0 0 1 0');
  });

  it('lists 会议 in the order they met (一次 before 二次), not by count or recency', () => {
    const html = readFileSync(
      join(project.root, 'dist/categories/renda-jianyi/sessions/index.html'),
      'utf8',
    );
    const text = textOf(/<main[\s\S]*<\/main>/.exec(html)![0]);
    expect(text.indexOf('市十六届人大一次会议')).toBeGreaterThan(-1);
    expect(text.indexOf('市十六届人大一次会议')).toBeLessThan(text.indexOf('市十六届人大二次会议'));
  });

  it('the 信息索引 table shows a policy document’s type, validity and dates', () => {
    expect(
      textOf(
        /<table class="notice-meta"[\s\S]*?<\/table>/.exec(
          page('11341702486344515H/202110-00021'),
        )![0],
      ),
    ).toContain('文号 国务院令第711号 文件类型 行政法规 有效性 有效 施行日期 2019年05月15日');
    expect(textOf(page('035200039/2025-00011'))).toContain(
      '文件类型 规章 有效性 失效 施行日期 2025年04月01日',
    );
    // A 规章's 题注 under its title.
    expect(page('035200039/2025-00011')).toMatch(
      /<\/h1>[\s\S]*?<p class="preamble">（2025年3月3日广州市人民政府令第134号公布　自2025年4月1日起施行）<\/p>/,
    );
    expect(page('11341702486344515H/202110-00021')).not.toContain('class="preamble"');
  });

  it('a document no longer in force says so before its title, linking what replaced it; the replacing one lists what it replaces; 解读 both ways', () => {
    const old = page('11341702486344515H/202110-00020');
    expect(old).toMatch(
      /<p id="validity-status" class="validity-status">[\s\S]*?<\/p>[\s\S]*<h1 aria-describedby="validity-status">中华人民共和国政府信息公开条例（2007年）<\/h1>/,
    );
    expect(inline(/<p id="validity-status"[\s\S]*?<\/p>/.exec(old)![0])).toBe(
      '本文件已被修改。修改后的文件：《中华人民共和国政府信息公开条例》。',
    );
    expect(old).toContain(
      '<a href="/notices/11341702486344515H-202110-00021/">《中华人民共和国政府信息公开条例》</a>',
    );
    const current = page('11341702486344515H/202110-00021');
    expect(current).not.toContain('validity-status');
    expect(inline(current)).toContain('本文件替代：《中华人民共和国政府信息公开条例（2007年）》');
    expect(
      inline(
        /<section class="notice-section" aria-labelledby="interpretations-heading">[\s\S]*?<\/section>/.exec(
          current,
        )![0],
      ),
    ).toBe('相关解读一图读懂新修订的《中华人民共和国政府信息公开条例》（2021年10月21日）');
    expect(inline(page('11341702486344515H/202110-00022'))).toContain(
      '解读的文件：《中华人民共和国政府信息公开条例》',
    );
    // Repealed or expired without a replacement: the status alone.
    expect(
      inline(/<p id="validity-status"[\s\S]*?<\/p>/.exec(page('035200039/2025-00011'))![0]),
    ).toBe('本文件已失效。');
    // Care mode: the status before the title too.
    const care = readFileSync(
      join(project.root, 'dist/care/notices/11341702486344515H-202110-00020/index.html'),
      'utf8',
    );
    expect(care.indexOf('validity-status')).toBeLessThan(care.indexOf('<h1'));
    expect(care).toContain('<a href="/care/notices/11341702486344515H-202110-00021/">');
  });

  it('the policy pages (status, replaces, 相关解读, 解读的文件) have no axe or HTML_CodeSniffer errors, in both modes', async () => {
    const server = await serveStatic(join(project.root, 'dist'));
    const browser = await launchChromium();
    const failures: string[] = [];
    try {
      const tab = await browser.newPage();
      for (const indexNo of [
        '11341702486344515H/202110-00020',
        '11341702486344515H/202110-00021',
        '11341702486344515H/202110-00022',
        '035200039/2025-00011',
      ]) {
        for (const prefix of ['', '/care']) {
          const path = `${prefix}/notices/${indexNoSlug(indexNo)}/`;
          await tab.goto(server.url + path);
          for (const v of [...(await axeViolations(tab)), ...(await htmlcsErrors(tab))])
            failures.push(`${path}: ${v}`);
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
    expect(failures).toEqual([]);
  });

  it('shows the 令 and 公告 文号 as written', () => {
    expect(textOf(page('11341702486344515H/202110-00021'))).toContain('文号 国务院令第711号');
    expect(textOf(page('035200039/2025-00011'))).toContain('文号 广州市人民政府令第134号');
    expect(textOf(page('035200039/2025-00012'))).toContain('文号 国家税务总局公告2023年第1号');
  });

  it('open data carries the v2 fields', () => {
    const records = JSON.parse(
      readFileSync(join(project.root, 'dist/data/notices.json'), 'utf8'),
    ) as Array<Record<string, any>>;
    expect(records).toHaveLength(noticeFiles.length);
    const joint = records.find((r) => r.indexNo === '20190520-189101')!;
    expect(joint.reply).toEqual({
      kind: '建议',
      session: '市十六届人大二次会议',
      number: '12',
      addressee: '王立新',
      proposerType: '联名',
      coSigners: ['李红', '赵建国'],
      role: '主办',
      subject: '关于加快科技成果转化的建议',
      resultClass: 'A',
      resultClassLabel: '所提问题已经解决或基本解决',
    });
    const law = records.find((r) => r.indexNo === '11341702486344515H/202110-00021')!;
    expect([law.docType, law.validity, law.effectiveFrom, law.replaces]).toEqual([
      '行政法规',
      '有效',
      '2019-05-15',
      ['11341702486344515H/202110-00020'],
    ]);
    expect(
      records.find((r) => r.indexNo === '11341702486344515H/202110-00022')!.interprets,
    ).toEqual(['11341702486344515H/202110-00021']);
    const csv = readFileSync(join(project.root, 'dist/data/notices.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toContain(
      '提出方式,联名人,办理方式,建议/提案题目,办理结果类别,文件类型,有效性,施行日期,有效期至,废止日期,替代的文件,被替代为,解读的文件',
    );
    // replacedBy is derived from the other side's replaces.
    expect(
      records.find((r) => r.indexNo === '11341702486344515H/202110-00020')!.replacedBy,
    ).toEqual(['11341702486344515H/202110-00021']);
    expect(law.replacedBy).toEqual([]);
    expect(csv).toContain('联名,李红；赵建国,主办');
  });

  it('the feed carries 索引号, 发布机构 and the classifying fields', () => {
    const feed = readFileSync(join(project.root, 'dist/feed.xml'), 'utf8');
    expect(feed).toContain('<dc:identifier>20191202-189769</dc:identifier>');
    expect(feed).toContain(
      '<category domain="办理结果类别">D（所提问题因法律政策等原因无法解决）</category>',
    );
    expect(feed).toContain(
      '<category domain="文件类型">行政法规</category><category domain="有效性">有效</category>',
    );
  });

  it('every page type carries the page tags its kind needs: site tags on all, column tags on listings and notices, article tags on notices', async () => {
    const config = (await import(join(FIXTURE, 'site.config.ts'))).default as {
      siteIdCode: string;
      categories: Array<{ name: string; kind: string }>;
    };
    const dist = join(project.root, 'dist');
    const metaOf = (file: string) =>
      Object.fromEntries(
        [
          ...readFileSync(join(dist, file), 'utf8').matchAll(
            /<meta name="([A-Za-z]+)" content="([^"]*)"/g,
          ),
        ].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"')]),
      );
    // The first entry of a folder that is a page of its own (not page 2, 3 … of a listing, nor a file).
    const first = (dir: string, page = /^(?!\d{1,3}$)[^.]+$/) =>
      readdirSync(join(dist, dir)).filter((d) => page.test(d))[0]!;
    const site = {
      SiteName: '真实格式测试站',
      SiteDomain: 'real-world.example.gov.cn',
      SiteIDCode: config.siteIdCode,
    };
    const column = ['ColumnName', 'ColumnDescription', 'ColumnKeywords', 'ColumnType'];
    const article = [
      'ArticleTitle',
      'PubDate',
      'ContentSource',
      'Keywords',
      'Author',
      'Description',
      'Url',
    ];
    const listings = [
      'browse/index.html',
      'years/index.html',
      'search/index.html',
      'reports/index.html',
      'categories/renda-jianyi/index.html',
      'categories/renda-jianyi/sessions/index.html',
      `categories/renda-jianyi/sessions/${first('categories/renda-jianyi/sessions')}/index.html`,
      `issuers/${first('issuers')}/index.html`,
      `years/${first('years', /^\d{4}$/)}/index.html`,
      `reports/${first('reports', /^\d{4}$/)}/index.html`,
      'browse/in-force/index.html',
      'categories/zhengce-wenjian/not-in-force/index.html',
      'care/categories/renda-jianyi/index.html',
    ];
    const pages = [
      'index.html',
      'care/index.html',
      ...listings,
      ...noticeFiles.map(
        (f) =>
          `notices/${indexNoSlug(readFileSync(join(FIXTURE, 'notices', f), 'utf8').match(/^indexNo: (.+)$/m)![1]!)}/index.html`,
      ),
    ];
    for (const file of pages) {
      const tags = metaOf(file);
      expect(tags, file).toMatchObject(site);
      const isNotice = file.startsWith('notices/');
      const isListing = listings.includes(file) || isNotice;
      for (const name of column) expect(!!tags[name], `${file} ${name}`).toBe(isListing);
      for (const name of article) expect(!!tags[name], `${file} ${name}`).toBe(isNotice);
    }
    // A notice's column is its 组配分类, typed by the category's kind; its article tags are its own.
    const reply = metaOf('notices/20190520-189101/index.html');
    expect([
      reply.ColumnName,
      reply.ColumnType,
      reply.ArticleTitle,
      reply.Author,
      reply.Url,
    ]).toEqual([
      '人大代表建议',
      config.categories.find((c) => c.name === '人大代表建议')!.kind,
      '对市十六届人大二次会议第12号建议的答复',
      '齐齐哈尔市科技局',
      'https://real-world.example.gov.cn/notices/20190520-189101/',
    ]);
    expect(reply.PubDate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(metaOf('categories/zhengce-jiedu/index.html')).toMatchObject({
      ColumnName: '政策解读',
      ColumnType: '政策解读',
    });
  });

  it('the footer shows the ICP and 公安 filing numbers, the 网站标识码 and the 党政机关 标识 from the site itself, on every page', () => {
    const home = readFileSync(join(project.root, 'dist/index.html'), 'utf8');
    expect(home).toContain('网站标识码：2302000012');
    expect(home).toContain(
      '<img class="site-badge" src="/files/dzjg-badge.svg" alt="党政机关网站标识"',
    );
    expect(readFileSync(join(project.root, 'dist/files/dzjg-badge.svg'), 'utf8')).toBe(BADGE);
    expect(home).toContain(
      '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=23020202000123">黑公网安备23020202000123号</a>',
    );
    expect(home).toContain('<a href="https://beian.miit.gov.cn/">黑ICP备05003214号</a>');
    expect(textOf(page('20191202-189769'))).toContain('黑公网安备23020202000123号');
  });
});

describe('an incremental build renders the other side of a policy link again', () => {
  it('removing `replaces` from the new document drops the link from the old one’s page', () => {
    const project = createTempProject();
    try {
      writeFixture(project);
      expect(runScript('build', ['--root', project.root]).status).toBe(0);
      const oldPage = () =>
        readFileSync(
          join(project.root, 'dist/notices/11341702486344515H-202110-00020/index.html'),
          'utf8',
        );
      expect(oldPage()).toContain('修改后的文件');
      const file = join(project.root, 'src/content/notices/ningguo-tiaoli-2019.md');
      project.write(
        'src/content/notices/ningguo-tiaoli-2019.md',
        readFileSync(file, 'utf8').replace(/^replaces: .*\n/m, ''),
      );
      const r = runScript('build', ['--root', project.root]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).toMatch(/增量构建/);
      expect(oldPage()).toContain('本文件已被修改。');
      expect(oldPage()).not.toContain('修改后的文件');
    } finally {
      project.remove();
    }
  });
});

describe('npm run audit on policy documents', () => {
  it('fails a document still marked 有效 past its 有效期至, and warns of a 解读 published 4+ working days after its document', () => {
    const project = createTempProject();
    try {
      writeFixture(project, (f, text) => {
        // The 2019 条例 given a (fictional) expiry; its 解读 published 6 working days after it (10-20 → 10-28).
        if (f === 'ningguo-tiaoli-2019.md')
          return text.replace(
            'effectiveFrom: 2019-05-15',
            'effectiveFrom: 2019-05-15\nexpiresOn: 2021-12-31',
          );
        if (f === 'ningguo-jiedu.md')
          return text.replace(
            'publishedAt: 2021-10-21T10:00:00+08:00',
            'publishedAt: 2021-10-28T10:00:00+08:00',
          );
        return text;
      });
      const before = runScript('audit', ['--root', project.root, '--date', '2021-12-31']);
      expect(before.stdout).toContain('✓ 信息错误：已过有效期的文件仍标为有效：0 项');
      const r = runScript('audit', ['--root', project.root, '--date', '2022-01-10']);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(
        /✗ 信息错误：已过有效期的文件仍标为有效：1 项\n\s+src\/content\/notices\/ningguo-tiaoli-2019\.md（11341702486344515H\/202110-00021）「中华人民共和国政府信息公开条例」有效期至 2021-12-31，截至 2022-01-10 已过期/,
      );
      expect(r.stdout).toMatch(
        /✗ 政策解读晚于文件 3 个工作日以上：1 项\n\s+src\/content\/notices\/ningguo-jiedu\.md（11341702486344515H\/202110-00022）.*晚 6 个工作日/,
      );
    } finally {
      project.remove();
    }
  });
});
