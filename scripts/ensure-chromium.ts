/**
 * Runs before `npm test`: the browser tests drive Debian's Chromium (Playwright's own browser
 * download cannot work on these machines). Installs it with apt-get when running as root,
 * otherwise says exactly what to run.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log('未找到 Chromium，正在用 apt-get 安装（浏览器测试需要）… / Installing Debian chromium for the browser tests…');
    const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (run(['update', '-qq']).status !== 0 || run(['install', '-y', '-qq', 'chromium']).status !== 0 || !existsSync(CHROMIUM)) {
      console.error('Chromium 安装失败，请手动运行：apt-get update && apt-get install -y chromium');
      process.exit(1);
    }
  } else {
    console.error('浏览器测试需要 Debian 的 Chromium，请先运行：sudo apt-get update && sudo apt-get install -y chromium');
    console.error('The browser tests need Debian chromium: sudo apt-get update && sudo apt-get install -y chromium');
    console.error('（或用 CHROMIUM_PATH 指向已安装的 Chromium / or point CHROMIUM_PATH at one）');
    process.exit(1);
  }
}
