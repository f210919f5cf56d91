/**
 * Runs before `npm test`: the browser tests drive Debian's Chromium (Playwright's own browser
 * download cannot work on these machines). Installs it with apt-get when running as root,
 * otherwise says exactly what to run.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A CJK font, so screenshots and layout measurements show real Chinese glyphs (readers' devices have their own). */
const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

if (!existsSync(CHROMIUM) || !existsSync(CJK_FONT)) {
  if (process.getuid?.() === 0) {
    console.log(
      '正在用 apt-get 安装 Chromium 和中文字体（浏览器测试需要）… / Installing Debian chromium and a CJK font for the browser tests…',
    );
    const run = (args: string[]) =>
      spawnSync('apt-get', args, {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    if (
      run(['update', '-qq']).status !== 0 ||
      run(['install', '-y', '-qq', 'chromium', 'fonts-wqy-microhei']).status !== 0 ||
      !existsSync(CHROMIUM)
    ) {
      console.error(
        'Chromium 安装失败，请手动运行：apt-get update && apt-get install -y chromium fonts-wqy-microhei',
      );
      process.exit(1);
    }
  } else if (!existsSync(CHROMIUM)) {
    console.error(
      '浏览器测试需要 Debian 的 Chromium，请先运行：sudo apt-get update && sudo apt-get install -y chromium',
    );
    console.error(
      'The browser tests need Debian chromium: sudo apt-get update && sudo apt-get install -y chromium',
    );
    console.error('（或用 CHROMIUM_PATH 指向已安装的 Chromium / or point CHROMIUM_PATH at one）');
    process.exit(1);
  } else {
    console.warn(
      '提示：未安装中文字体，截图中的中文会显示为方框（sudo apt-get install -y fonts-wqy-microhei）。',
    );
  }
}
