import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  createTempProject,
  PROJECT_ROOT,
  runScript,
  type TempProject,
} from '../support/project-copy';
import { noticeSource } from '../helpers/notice';
import { checkNotices, loadSiteConfig } from '../../src/lib/content/project';

const CREDIT = '11330602056860309P'; // 区科技局 in the site config
const ORG = '002482090'; // 省科技厅

describe('npm run new', () => {
  let project: TempProject;
  beforeAll(() => {
    project = createTempProject({
      notices: {
        '2024/a.md': noticeSource({
          indexNo: `${CREDIT}/2024-00003`,
          category: '工作动态',
          reply: null,
        }),
        '2024/b.md': noticeSource({
          indexNo: `${CREDIT}/2024-00010`,
          category: '工作动态',
          reply: null,
        }), // a gap before it
        '2023/c.md': noticeSource({
          indexNo: `${CREDIT}/2023-00042`,
          date: '2023-03-01',
          publishedAt: null,
          category: '工作动态',
          reply: null,
        }),
        '2024/d.md': noticeSource({
          indexNo: `${ORG}/2024-00128`,
          issuer: '省科技厅',
          category: '通知公告',
          reply: null,
        }),
      },
    });
  });
  afterAll(() => project.remove());
  const run = (...args: string[]) => runScript('new', [...args, '--root', project.root]);

  it('allocates the serial after the highest, across a gap, and writes a file that passes check', () => {
    const r = run(
      '--category',
      '通知公告',
      '--issuer',
      '区科技局',
      '--title',
      '关于开展测试工作的通知',
      '--date',
      '2024-09-02',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`索引号：${CREDIT}/2024-00011`);
    const file = join(project.root, `src/content/notices/2024/${CREDIT}-2024-00011.md`);
    expect(readFileSync(file, 'utf8')).toContain('title: 关于开展测试工作的通知');
    const check = runScript('check', ['--root', project.root, file]);
    expect(check.status, check.stderr).toBe(0);
  });

  it('keeps years apart', () => {
    expect(
      run(
        '--category',
        '工作动态',
        '--issuer',
        '区科技局',
        '--title',
        '二〇二三年的一条动态',
        '--date',
        '2023-06-01',
      ).stdout,
    ).toContain(`${CREDIT}/2023-00043`);
    expect(
      run(
        '--category',
        '工作动态',
        '--issuer',
        '区科技局',
        '--title',
        '新年第一条',
        '--date',
        '2025-01-02',
      ).stdout,
    ).toContain(`${CREDIT}/2025-00001`);
  });

  it('uses a 9-character organisation code the same way', () => {
    expect(
      run(
        '--category',
        '通知公告',
        '--issuer',
        '省科技厅',
        '--title',
        '省厅通知',
        '--date',
        '2024-10-08',
      ).stdout,
    ).toContain(`${ORG}/2024-00129`);
  });

  it('writes a reply skeleton; missing parts make it a draft that still passes check', () => {
    const r = run('--category', '政协提案', '--issuer', '区科技局', '--date', '2024-11-01');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '待填写：reply.session（会议）、reply.number（编号）、reply.addressee（代表/委员）、title（标题），以及正文。',
    );
    const indexNo = /索引号：(\S+)/.exec(r.stdout)![1]!;
    const file = join(project.root, `src/content/notices/2024/${indexNo.replace('/', '-')}.md`);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/reply:\n {2}kind: 提案\n/);
    expect(text).toContain('draft: true');
    expect(runScript('check', ['--root', project.root, file]).status).toBe(0);
  });

  it('npm run publish refuses a draft whose body is still the placeholder, leaving it as it was; then stamps 发布日期 once written', () => {
    const r = run(
      '--category',
      '通知公告',
      '--issuer',
      '区科技局',
      '--title',
      '关于发布测试的通知',
      '--date',
      '2024-12-02',
    );
    const indexNo = /索引号：(\S+)/.exec(r.stdout)![1]!;
    const file = join(project.root, `src/content/notices/2024/${indexNo.replace('/', '-')}.md`);
    const draft = readFileSync(file, 'utf8');
    const refused = runScript('publish', ['--root', project.root, file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/（在此撰写正文）[\s\S]*未发布/);
    expect(readFileSync(file, 'utf8')).toBe(draft);
    writeFileSync(file, draft.replace('（在此撰写正文）', '现将有关事项通知如下。'));
    const before = Date.now();
    const done = runScript('publish', ['--root', project.root, file]);
    expect(done.status, done.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/^draft:/m);
    const stamp = /^publishedAt: (\S+)$/m.exec(text)![1]!;
    expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    // The stamp is Beijing time of the moment it ran (to the second).
    expect(Date.parse(stamp)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(Date.parse(stamp)).toBeLessThanOrEqual(Date.now());
    expect(text.split('\n').findIndex((l) => l.startsWith('publishedAt:'))).toBe(
      text.split('\n').findIndex((l) => l.startsWith('date:')) + 1,
    );
    expect(runScript('check', ['--root', project.root, file]).status).toBe(0);
  });

  it.each([
    [['--titel', 'x'], /^未知的选项 --titel，您是否要写 --title？/],
    [['--category', '通知公告', '--title'], /^--title 后面缺少内容/],
    [
      ['--category', '通知公告', '--title', '-测试'],
      /^--title 的内容以「-」开头，请写成 --title="-……"/,
    ],
  ])('6. %j is told in Chinese what is wrong, without a stack trace', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('6. npm run new --category … (no --) is told to put -- first', () => {
    // What npm hands the script then: the value as an argument, the option in npm_config_category.
    const r = runScript('new', ['通知公告', '--root', project.root], undefined, {
      npm_config_category: '',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/npm run 后面要先写 --，再写选项/);
  });

  it('6. interactive mode asks again after a wrong answer, and takes a category’s number and 2024年3月5日', () => {
    const categories = ['人大代表建议', '政协提案', '工作动态', '工作总结', '通知公告', '政策文件'];
    const answers =
      [
        '99',
        String(categories.indexOf('通知公告') + 1),
        '外星局',
        '区科技局',
        '2024年2月30日',
        '2024年3月5日',
        '关于交互测试的通知',
      ].join('\n') + '\n';
    const r = runScript(
      'new',
      ['--root', project.root],
      undefined,
      { GONGKAI_INTERACTIVE: '1' },
      answers,
    );
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/组配分类「99」不在站点配置中[\s\S]*请重新输入/);
    expect(r.stdout).toMatch(/发布机构「外星局」不在站点配置[\s\S]*请重新输入/);
    expect(r.stdout).toMatch(/日期「2024-02-30」不存在[\s\S]*请重新输入/);
    const file = join(
      project.root,
      `src/content/notices/2024/${/索引号：(\S+)/.exec(r.stdout)![1]!.replace('/', '-')}.md`,
    );
    expect(readFileSync(file, 'utf8')).toMatch(
      /^category: 通知公告\nissuer: 区科技局\ndate: 2024-03-05$/m,
    );
  });

  it('never overwrites an existing file', () => {
    // A file already sits where the next notice would go (its own 索引号 differs, so no duplicate).
    project.write(`src/content/notices/2024/${ORG}-2024-00130.md`, '手写的内容\n');
    const r = run(
      '--category',
      '通知公告',
      '--issuer',
      '省科技厅',
      '--title',
      '又一条',
      '--date',
      '2024-10-09',
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('已存在，不会覆盖');
    expect(
      readFileSync(join(project.root, `src/content/notices/2024/${ORG}-2024-00130.md`), 'utf8'),
    ).toBe('手写的内容\n');
  });

  it('says in Chinese what is wrong with its arguments when not in a terminal', () => {
    expect(run('--category', '新闻', '--issuer', '区科技局').stderr).toMatch(
      /组配分类「新闻」不在站点配置中/,
    );
    expect(run('--category', '通知公告', '--issuer', '外星局').stderr).toMatch(
      /发布机构「外星局」不在站点配置.*可用：区科技局/,
    );
  });
});

describe('npm run check -- FILE…, and the pre-commit hook', () => {
  it('checks only the named files, and still finds a 索引号 taken by another file', () => {
    const p = createTempProject({
      notices: {
        'x.md': noticeSource({ indexNo: `${CREDIT}/2024-00001` }),
        'y.md': noticeSource({ indexNo: `${CREDIT}/2024-00001` }),
        'z.md': noticeSource({ date: '2024-02-30' }),
      },
    });
    const r = runScript('check', [
      '--root',
      p.root,
      '--format',
      'json',
      join(p.root, 'src/content/notices/x.md'),
    ]);
    p.remove();
    const problems = JSON.parse(r.stdout) as Array<{ file: string; message: string }>;
    expect(r.status).toBe(1);
    expect(problems.map((q) => q.file)).toEqual(['src/content/notices/x.md']);
    expect(problems[0]!.message).toContain('y.md');
  });

  it('npm run hooks installs a hook that blocks a commit of a bad notice', () => {
    const p = createTempProject({ keepSampleNotices: true });
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: p.root,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@x',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@x',
        },
      });
    git('init', '-q');
    const r = runScript('install-hooks', [], p.root);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(p.root, '.git/hooks/pre-commit'))).toBe(true);
    p.write(
      'src/content/notices/2024/bad.md',
      noticeSource({ indexNo: `${CREDIT}/2024-90001`, date: '2024-02-30' }),
    );
    git('add', 'src/content/notices/2024/bad.md');
    let failed = false;
    try {
      git('commit', '-qm', 'bad');
    } catch (err) {
      failed = true;
      expect(String((err as { stderr?: string }).stderr ?? err)).toContain('2024-02-30');
    }
    p.remove();
    expect(failed).toBe(true);
  });
});

describe('npm run audit and npm run report on the sample content', () => {
  let project: TempProject;
  beforeAll(() => (project = createTempProject({ keepSampleNotices: true })));
  afterAll(() => project.remove());

  it('audit as of a fixed date prints the score sheet: the outright failure, the deductions and the score, and exits 1', () => {
    const r = runScript('audit', ['--root', project.root, '--date', '2024-12-31']);
    expect(r.status).toBe(1);
    // Newest notice 2024-08-16: the home page has not changed for 4 months.
    expect(r.stdout).toMatch(/✗ 首页 14 天内没有更新：1 项\n\s+首页最新一条信息发布于 2024-08-16/);
    // 工作总结 is empty; 工作动态 and 通知公告 are stale: points, not a veto (fewer than 5).
    expect(r.stdout).toContain('✗ 栏目未按时更新：2 项，扣 10 分');
    expect(r.stdout).toContain('栏目「工作动态」最近一条信息发布于 2024-05-09');
    expect(r.stdout).toContain('✗ 空白栏目：1 项，扣 5 分');
    expect(r.stdout).toContain('栏目「工作总结」没有任何公开信息');
    // The 2023 report is written (src/content/reports/2023.*).
    expect(r.stdout).toContain('✓ 未按时公开政府信息公开工作年度报告（每年 1 月 31 日前）：0 项');
    expect(r.stdout).toContain('扣分项得分：85 分。');
    expect(r.stdout).toContain('自查未通过：1 项单项否决');
    // In August the site was fresh: no veto, exit 0.
    const august = runScript('audit', ['--root', project.root, '--date', '2024-08-20']);
    expect([august.status, august.stdout.includes('自查通过')]).toEqual([0, true]);
  });

  it('audit fails a site whose annual report is missing after 31 January', () => {
    rmSync(join(project.root, 'src/content/reports/2024.md'));
    try {
      const r = runScript('audit', ['--root', project.root, '--date', '2025-02-01']);
      expect(r.stdout).toMatch(
        /✗ 未按时公开政府信息公开工作年度报告（每年 1 月 31 日前）：1 项\n\s+2024 年政府信息公开工作年度报告应于 2025-01-31 前公开/,
      );
    } finally {
      project.write(
        'src/content/reports/2024.md',
        readFileSync(join(PROJECT_ROOT, 'src/content/reports/2024.md'), 'utf8'),
      );
    }
  });

  it('npm run report prints the year’s report in the template’s six sections; a wrong figure fails npm run check with its file and line', () => {
    const r = runScript('report', [
      '--root',
      project.root,
      '--year',
      '2024',
      '--tables',
      join(project.root, 'tables'),
    ]);
    expect(r.status, r.stderr).toBe(0);
    const titles = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ];
    const at = titles.map((t) => r.stdout.indexOf(`\n${t}\n`));
    expect(
      at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1]!)),
      r.stdout,
    ).toBe(true);
    expect(readFileSync(join(project.root, 'tables/section-4.csv'), 'utf8')).toContain(
      '1,0,0,0,1,0,0,0,0,0,0,0,0,0,0',
    );
    const file = 'src/content/reports/2024.yaml';
    const good = readFileSync(join(project.root, file), 'utf8');
    project.write(
      file,
      good.replace('部分公开: [1, 0, 0, 0, 0, 0, 1]', '部分公开: [1, 0, 0, 0, 0, 0, 2]'),
    );
    try {
      const check = runScript('check', ['--root', project.root]);
      expect(check.status).toBe(1);
      const line = good.split('\n').findIndex((l) => l.includes('部分公开:')) + 1;
      expect(check.stderr).toContain(
        `${file}:${line}  依申请公开.部分公开（（二）部分公开（区分处理的，只计这一情形，不计其他情形））\n  错误：「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」的总计应为前 6 列之和 1＋0＋0＋0＋0＋0＝1，填写的是 2（相差 1）`,
      );
      // The same figure breaks the column totals too: each is named.
      expect(check.stderr).toContain(
        '「总计」列：（七）总计应为（一）至（六）各行之和 9，填写的是 8（相差 1）',
      );
    } finally {
      project.write(file, good);
    }
  });

  it('report counts equal a direct count over the collection', async () => {
    const r = runScript('report', [
      '--root',
      project.root,
      '--year',
      '2024',
      '--csv',
      join(project.root, 'r.csv'),
    ]);
    expect(r.status, r.stderr).toBe(0);
    const config = await loadSiteConfig(project.root);
    const direct = (await checkNotices(project.root, config)).notices
      .map((n) => n.data!)
      .filter((d) => !d.draft && d.publishedAt!.startsWith('2024'));
    for (const c of config.categories) {
      const count = direct.filter((d) => d.category === c.name).length;
      expect(r.stdout).toMatch(new RegExp(`^${c.name}\\t${count}\\t`, 'm'));
    }
    // 8. The 合计 row carries 累计 too: every published notice up to the year's end.
    const upTo2024 = (await checkNotices(project.root, config)).notices
      .map((n) => n.data!)
      .filter((d) => !d.draft && d.publishedAt! < '2025');
    expect(r.stdout).toContain(`合计\t${direct.length}\t${upTo2024.length}\n`);
    const csv = readFileSync(join(project.root, 'r.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF2024年主动公开政府信息情况')).toBe(true);
  });

  it('8. report without --year reports the current year (Beijing time)', () => {
    const r = runScript('report', ['--root', project.root]);
    expect(r.status, r.stderr).toBe(0);
    const year = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
    }).format(new Date());
    expect(r.stdout).toMatch(new RegExp(`^${year}年主动公开政府信息情况`));
  });
});

describe('npm run new and publish, as an office uses them', () => {
  let project: TempProject;
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', project.root, ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@x',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@x',
      },
    });
  beforeAll(() => {
    project = createTempProject({
      notices: {
        '2024/a.md': noticeSource({
          indexNo: `${CREDIT}/2024-00003`,
          category: '工作动态',
          reply: null,
        }),
        '2024/withdrawn.md': noticeSource({
          indexNo: `${CREDIT}/2024-00009`,
          category: '工作动态',
          reply: null,
        }),
      },
    });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'notices');
    git('rm', '-q', 'src/content/notices/2024/withdrawn.md');
    git('commit', '-qm', 'withdraw a notice');
  });
  afterAll(() => project.remove());
  const run = (...args: string[]) => runScript('new', [...args, '--root', project.root]);

  it('never hands out the 索引号 of a notice since deleted (git history)', () => {
    const r = run(
      '--category',
      '工作动态',
      '--issuer',
      '区科技局',
      '--title',
      '一条新动态',
      '--date',
      '2024-09-02',
    );
    expect(r.stdout).toContain(`索引号：${CREDIT}/2024-00010`);
  });

  it('a 政策文件 draft passes the check, and new says what it still needs before publishing', () => {
    const r = run(
      '--category',
      '政策文件',
      '--issuer',
      '区科技局',
      '--title',
      '关于印发某办法的通知',
      '--date',
      '2024-09-03',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '政策文件发布前还须填写 docType（文件类型：规章、行政规范性文件、其他文件）',
    );
    const file = join(project.root, `src/content/notices/2024/${CREDIT}-2024-00011.md`);
    expect(runScript('check', ['--root', project.root, file]).status).toBe(0);
  });

  it('suggests the configured spelling of an issuer written in traditional characters', () => {
    expect(run('--category', '工作动态', '--issuer', '區科技局', '--title', 't').stderr).toMatch(
      /您是否要写「区科技局」？/,
    );
  });

  it('publish names a file that does not exist and touches nothing', () => {
    const r = runScript('publish', [
      '--root',
      project.root,
      join(project.root, 'src/content/notices/2024/nope.md'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^找不到文件：.*nope\.md/);
    expect(r.stderr).not.toMatch(/恢复原样|ENOENT/);
  });

  it('a site configuration with a syntax error or a misspelt key is reported in Chinese, without a stack trace', () => {
    const config = join(project.root, 'src/content/site.config.ts');
    const good = readFileSync(config, 'utf8');
    try {
      writeFileSync(
        config,
        good.replace(
          "{ name: '省科技厅', code: '002482090'",
          "{ name: ‘省科技厅’, code: '002482090'",
        ),
      );
      for (const script of ['new', 'check', 'build']) {
        const r = runScript(script, [
          '--root',
          project.root,
          ...(script === 'new' ? ['--category', '工作动态', '--issuer', '区科技局'] : []),
        ]);
        expect(r.status, script).toBe(2);
        expect(r.stderr, script).toMatch(
          /站点配置 src\/content\/site\.config\.ts 无法读取（第 \d+ 行第 \d+ 列附近）：常见原因是缺少逗号、括号或引号不成对，或用了中文引号/,
        );
        expect(r.stderr, script).not.toMatch(/^\s+at /m);
      }
      writeFileSync(
        config,
        good.replace(
          "{ name: '省科技厅', code: '002482090'",
          "{ name: '省科技厅', code: '002482090', indexNoFmt: '{code}-{year}-{serial}'",
        ),
      );
      const r = runScript('new', [
        '--root',
        project.root,
        '--category',
        '工作动态',
        '--issuer',
        '区科技局',
      ]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('issuers[1]（发布机构「省科技厅」，第 2 个）');
      expect(r.stderr).toContain('未知的设置项：indexNoFmt');
      expect(r.stderr).not.toMatch(/^\s+at /m);
    } finally {
      writeFileSync(config, good);
    }
  });
});
