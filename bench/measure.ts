import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';

/** Wall seconds and peak RSS of the largest process of a command (GNU time's %M over the process tree it waits for). */
export interface Measured {
  seconds: number;
  peakMb: number;
  ok: boolean;
  output: string;
}

export function measure(
  cmd: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<Measured> {
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', '__TIME__ %e %M', ...cmd], {
      cwd,
      env: { ...process.env, ...env, FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const m = /__TIME__ ([\d.]+) (\d+)/.exec(output);
      resolve({
        seconds: m ? Number(m[1]) : NaN,
        peakMb: m ? Number(m[2]) / 1024 : NaN,
        ok: code === 0,
        output: output.replace(/__TIME__.*\n?/, ''),
      });
    });
  });
}

export function duMb(path: string): number {
  return Number(execFileSync('du', ['-sk', path], { encoding: 'utf8' }).split('\t')[0]) / 1024;
}
