import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PUBLIC_DIR } from './paths';

/**
 * The files of a project's public/ folder, as notices refer to them (attachments and images): does
 * a path exist, how large is it, and which file was meant when it does not (a path typed with
 * backslashes, spaces, %20 or the wrong letter case — servers are case-sensitive).
 */
export interface PublicFiles {
  /** Size in bytes of the file at a path relative to public/, or null when there is no such file. */
  size(path: string): number | null;
  /** The existing file a missing path most likely meant, relative to public/. */
  suggest(path: string): string | undefined;
}

export function publicFiles(root: string): PublicFiles {
  const dir = join(root, PUBLIC_DIR);
  let folded: Map<string, string> | undefined;
  const fold = (p: string) =>
    p
      .replace(/\\/g, '/')
      .replace(/^\/+/, '')
      .replace(/%20/gi, ' ')
      .normalize('NFC')
      .toLowerCase()
      .replace(/\s+/g, ' ');
  const all = () => {
    if (folded) return folded;
    folded = new Map();
    const walk = (d: string) => {
      let entries;
      try {
        entries = readdirSync(d, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const full = join(d, e.name);
        if (e.isDirectory()) walk(full);
        else
          folded!.set(
            fold(relative(dir, full).split(sep).join('/')),
            relative(dir, full).split(sep).join('/'),
          );
      }
    };
    walk(dir);
    return folded;
  };
  return {
    size(path) {
      try {
        const s = statSync(join(dir, path));
        return s.isFile() ? s.size : null;
      } catch {
        return null;
      }
    },
    suggest(path) {
      const hit = all().get(fold(path));
      return hit !== undefined && hit !== path ? hit : undefined;
    },
  };
}
