import { parseArgs } from 'node:util';

/**
 * parseArgs for editors' CLIs, with every mistake said in Chinese instead of a Node stack trace:
 * an unknown option (with the option it was probably meant to be), an option without its value, a
 * value starting with "-", and arguments npm took for itself (`npm run new --category …` without
 * `--`: npm keeps the option and passes only its value).
 */
export type ArgsResult<K extends string> =
  { ok: true; values: Partial<Record<K, string>> } | { ok: false; message: string };

export function editorArgs<K extends string>(
  args: string[],
  names: readonly K[],
  defaults: Partial<Record<K, string>> = {},
  env: NodeJS.ProcessEnv = process.env,
): ArgsResult<K> {
  const options = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]));
  const usage = `可用的选项：${names.map((n) => `--${n}`).join(' ')}`;
  try {
    const { values, positionals } = parseArgs({
      args,
      options,
      allowPositionals: true,
      strict: true,
    });
    // npm run new --category 通知公告 (no --): npm keeps --category as its own setting (npm_config_category) and passes 通知公告 on.
    const fromNpm = names.filter(
      (n) => env[`npm_config_${n}`] !== undefined && values[n] === undefined,
    );
    if (positionals.length || fromNpm.length) {
      return {
        ok: false,
        message: `参数没有传给本工具：npm run 后面要先写 --，再写选项，例如：npm run new -- --category 通知公告 --title "关于……的通知"${positionals.length ? `（多出的参数：${positionals.join(' ')}）` : ''}`,
      };
    }
    return { ok: true, values: { ...defaults, ...(values as Partial<Record<K, string>>) } };
  } catch (err) {
    const e = err as Error & { code?: string };
    const option = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1] ?? '';
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const name = option.replace(/^-+/, '');
      const guess = names.find((n) => closeTo(n, name));
      return {
        ok: false,
        message: `未知的选项 ${option}${guess ? `，您是否要写 --${guess}？` : '。'}${usage}`,
      };
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--([a-z-]+)/.exec(e.message)?.[1] ?? option.replace(/^-+/, '');
      const next = args[args.indexOf(`--${name}`) + 1];
      const nextIsOption =
        next !== undefined && names.some((n) => next === `--${n}` || next.startsWith(`--${n}=`));
      if (/ambiguous/i.test(e.message) && !nextIsOption) {
        return {
          ok: false,
          message: `--${name} 的内容以「-」开头，请写成 --${name}="-……"（用等号连接）`,
        };
      }
      return { ok: false, message: `--${name} 后面缺少内容，例如 --${name} "……"` };
    }
    return { ok: false, message: `参数有误：${e.message}。${usage}` };
  }
}

/** One or two letters off (titel → title). */
function closeTo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  const sorted = (s: string) => [...s].sort().join('');
  if (sorted(a) === sorted(b)) return true;
  let same = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] === b[i]) same++;
  return same >= Math.max(a.length, b.length) - 2;
}
