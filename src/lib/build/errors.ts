/**
 * The build's failures as values: a step throws, and one place (buildFailure, used by
 * scripts/build.ts) says why in Chinese and English and turns it into the exit code.
 */

/** The build cannot go on; dist/ is left as it was. `detail` is printed after the message (a list of problems, a stack). */
export class BuildError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly detail?: unknown,
  ) {
    super(zh);
  }
}

/** The last build cannot be built upon after all; the build then builds in full, saying why. */
export class FullBuildNeeded extends Error {}

/** Prints why the build failed (after `cleanup`) and returns the exit code. */
export function buildFailure(err: unknown, cleanup: () => void): number {
  cleanup();
  const e = err instanceof BuildError ? err : new BuildError('意外错误', 'unexpected error', err);
  console.error(`\n构建失败：${e.zh}。dist/ 保持上一次成功构建的内容，未作改动。`);
  console.error(`Build failed: ${e.en}. dist/ is unchanged from the last good build.`);
  if (e.detail)
    console.error(
      String(e.detail instanceof Error ? (e.detail.stack ?? e.detail.message) : e.detail),
    );
  return 1;
}
