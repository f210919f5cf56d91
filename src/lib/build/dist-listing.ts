import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotDist, statEntry, type DistSnapshot } from './incremental';

/**
 * What dist/ held when the last build ended: every file's size and time (the snapshot whose
 * fingerprint the plan compares, incremental.ts) and every folder's time. A folder's time changes
 * whenever an entry is added to it, removed or renamed, so while every folder's time is what was
 * written down, dist/ holds the same files, and one stat per file and per folder gives the
 * snapshot a whole walk gives. At 100,000 notices the walk reads 240,000 folders (7.6 s of one
 * core); the stats take about 1 s. A folder whose time is within RACY_MS of when the listing was
 * written may have changed again within its clock's resolution: it is read again, as git does
 * with its index.
 */
export interface DistListing {
  files: DistSnapshot;
  /** Relative folder path ('' for dist/ itself) → modification time. */
  dirs: Map<string, number>;
}

export const LISTING_FILE = 'dist-listing.json';
const RACY_MS = 2000;

/** The whole folder, walked. */
export function listDist(dir: string): DistListing {
  const dirs = new Map<string, number>();
  const files = snapshotDist(dir, '', dirs);
  return { files, dirs };
}

export function saveListing(work: string, listing: DistListing): void {
  const file = join(work, LISTING_FILE);
  writeFileSync(
    `${file}.tmp`,
    JSON.stringify({
      version: 2,
      // When it was written: a folder changed shortly before may change again unseen (RACY_MS).
      at: Date.now(),
      // Paths only: the next build stats each file afresh.
      files: [...listing.files.keys()],
      dirs: [...listing.dirs],
    }),
  );
  renameSync(`${file}.tmp`, file);
}

/**
 * dist/'s snapshot from the saved listing and one stat per file and folder, or null when that
 * cannot tell (no listing, a folder changed, a file gone): the caller then walks the folder.
 */
export function quickListing(dir: string, work: string): DistListing | null {
  let saved: { version: number; at: number; files: string[]; dirs: [string, number][] };
  try {
    saved = JSON.parse(readFileSync(join(work, LISTING_FILE), 'utf8'));
  } catch {
    return null;
  }
  if (saved.version !== 2) return null;
  const racy: string[] = [];
  for (const [d, time] of saved.dirs) {
    const s = statSync(d ? `${dir}/${d}` : dir, { throwIfNoEntry: false });
    if (!s?.isDirectory() || s.mtimeMs !== time) return null;
    if (time >= saved.at - RACY_MS) racy.push(d);
  }
  if (racy.length && !sameEntries(dir, racy, saved)) return null;
  const files: DistSnapshot = new Map();
  for (const f of saved.files) {
    const s = statSync(`${dir}/${f}`, { throwIfNoEntry: false });
    if (!s?.isFile()) return null;
    files.set(f, statEntry(s));
  }
  return { files, dirs: new Map(saved.dirs) };
}

/** Whether each of `racy` folders holds exactly the files and folders the listing has in it. */
function sameEntries(
  dir: string,
  racy: readonly string[],
  saved: { files: string[]; dirs: [string, number][] },
): boolean {
  const wanted = new Map(racy.map((d) => [d, [] as string[]]));
  const parentOf = (p: string) => {
    const at = p.lastIndexOf('/');
    return at < 0 ? '' : p.slice(0, at);
  };
  for (const f of saved.files) wanted.get(parentOf(f))?.push(f.slice(f.lastIndexOf('/') + 1));
  for (const [d] of saved.dirs)
    if (d) wanted.get(parentOf(d))?.push(d.slice(d.lastIndexOf('/') + 1));
  for (const [d, names] of wanted) {
    const there = readdirSync(d ? `${dir}/${d}` : dir, { withFileTypes: true })
      .filter((e) => e.isFile() || e.isDirectory())
      .map((e) => e.name);
    if (there.length !== names.length) return false;
    const set = new Set(names);
    if (!there.every((n) => set.has(n))) return false;
  }
  return true;
}

/** The folder's listing: the saved one checked by stats, or a walk. */
export function readListing(dir: string, work: string): DistListing {
  return quickListing(dir, work) ?? listDist(dir);
}
