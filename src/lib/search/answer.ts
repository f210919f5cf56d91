import {
  BLOCK,
  BODY_BASE,
  bucketOf,
  DOCS_PER_PAGE,
  filterKey,
  GRAM,
  gramKey,
  parseKeyFile,
  titleKey,
  type KeyEntry,
  type SearchManifest,
} from './contract';
import { decodeBlock, decodeBlockTable, decodeDocList, intersect, holds } from './postings';
import { coveringGrams, wordsOf, type Plan } from './plan';
import type { CharMap } from './fold';

/** Where the tables come from: the site over HTTP (the page), or files in memory (tests). */
export interface TableReader {
  manifest: SearchManifest;
  keyFile(k: number): Promise<string>;
  range(pack: number, offset: number, length: number): Promise<Uint8Array>;
  docsPage(k: number): Promise<string[]>;
}

export interface Answer {
  plan: Plan;
  /**
   * The notices, in the order shown. Not partial: exactly the notices holding every chunk (and
   * kept by the filters) — the count stated is ids.length. Partial: no notice holds every chunk;
   * these hold the query's words the site has (never counted as results).
   */
  ids: Int32Array;
  partial: null | {
    /** Words of the query no notice holds. */
    missing: string[];
    /** The chunks and words of the query the site has. */
    known: string[];
    /** The notices hold only some of `known` (no notice holds them all): those holding more come first. */
    some: boolean;
  };
}

/** Notices holding a text, and those of them holding it in the title or an identifier (索引号, 文号). */
interface TextDocs {
  docs: Int32Array;
  heading: Int32Array;
}

const EMPTY = new Int32Array(0);
/** At most this many range requests for one 4-character piece's positions. */
const MAX_RANGES = 16;

/** Every notice in any of the lists (and the filter), those in more lists first, then newest. */
function byHowMany(lists: readonly Int32Array[], filter: Int32Array | null): Int32Array {
  const held = new Map<number, number>();
  for (const list of lists) for (const d of list) held.set(d, (held.get(d) ?? 0) + 1);
  const ids = [...held.keys()].filter((d) => !filter || holds(filter, d));
  return Int32Array.from(ids.sort((a, b) => held.get(b)! - held.get(a)! || a - b));
}

/**
 * Answers plans from the search tables (contract.ts). Key files and postings are fetched once per
 * page; a text of up to 4 characters is read from its notice list, a longer one is proven from the
 * positions of its 4-character pieces, reading only the position blocks of notices still in question.
 */
export class TableSearch {
  private readonly buckets = new Map<number, Promise<Map<string, KeyEntry>>>();
  private readonly texts = new Map<string, Promise<TextDocs>>();

  constructor(private readonly reader: TableReader) {}

  private entry(key: string): Promise<KeyEntry | undefined> {
    const k = bucketOf(key, this.reader.manifest.buckets);
    let b = this.buckets.get(k);
    if (!b) {
      b = this.reader.keyFile(k).then(parseKeyFile);
      // A failed fetch is tried again by the next search.
      b.catch(() => this.buckets.delete(k));
      this.buckets.set(k, b);
    }
    return b.then((m) => m.get(key));
  }

  private async docList(e: KeyEntry | undefined): Promise<Int32Array> {
    if (!e) return EMPTY;
    const r = e.ref;
    if (r.kind === 'inline') return decodeDocList(r.bytes);
    if (r.kind === 'pack')
      return decodeDocList(await this.reader.range(r.pack, r.offset, r.length));
    return decodeDocList(await this.reader.range(r.pack, r.offset, r.docsLength));
  }

  /** The notices holding a normalised text. */
  textDocs(norm: string): Promise<TextDocs> {
    let t = this.texts.get(norm);
    if (!t) {
      t = norm.length <= GRAM ? this.shortText(norm) : this.longText(norm);
      t.catch(() => this.texts.delete(norm));
      this.texts.set(norm, t);
    }
    return t;
  }

  private async shortText(norm: string): Promise<TextDocs> {
    const [docs, heading] = await Promise.all([
      this.entry(gramKey(norm)).then((e) => this.docList(e)),
      this.entry(titleKey(norm)).then((e) => this.docList(e)),
    ]);
    return { docs, heading };
  }

  private async longText(norm: string): Promise<TextDocs> {
    const pieces = coveringGrams(norm, GRAM);
    const entries = await Promise.all(pieces.map((p) => this.entry(gramKey(p.gram))));
    if (entries.some((e) => !e)) return { docs: EMPTY, heading: EMPTY };
    const r = this.reader;
    // Each piece's notice list and block table in one request, then only the blocks needed.
    const heads = await Promise.all(
      entries.map(async (e) => {
        const ref = e!.ref as Extract<KeyEntry['ref'], { kind: 'positions' }>;
        const bytes = await r.range(ref.pack, ref.offset, ref.docsLength + ref.tableLength);
        const docs = decodeDocList(bytes.subarray(0, ref.docsLength));
        const sizes = decodeBlockTable(bytes.subarray(ref.docsLength));
        return { ref, docs, sizes };
      }),
    );
    let candidates = heads.map((h) => h.docs).reduce((a, b) => intersect(a, b));
    // Start positions of the text in each candidate notice, narrowed piece by piece, rarest first.
    let starts: Map<number, number[]> | null = null;
    const order = pieces
      .map((p, i) => ({ ...p, head: heads[i]!, occ: entries[i]!.occurrences }))
      .sort((a, b) => a.occ - b.occ);
    for (const piece of order) {
      if (!candidates.length) break;
      const positions = await this.positionsIn(piece.head, candidates);
      const next = new Map<number, number[]>();
      for (const d of candidates) {
        const pos = positions.get(d);
        if (!pos) continue;
        const kept = starts
          ? (starts.get(d) ?? []).filter((s) => holds(pos, s + piece.offset))
          : Array.from(pos, (p) => p - piece.offset).filter((s) => s >= 0);
        if (kept.length) next.set(d, kept);
      }
      starts = next;
      candidates = Int32Array.from([...next.keys()]);
    }
    const heading = starts
      ? [...starts].filter(([, s]) => s.some((p) => p < BODY_BASE)).map(([d]) => d)
      : [];
    return { docs: candidates, heading: Int32Array.from(heading) };
  }

  /** Positions of one piece in the given notices (all of them in its list), reading only their blocks. */
  private async positionsIn(
    head: {
      ref: Extract<KeyEntry['ref'], { kind: 'positions' }>;
      docs: Int32Array;
      sizes: number[];
    },
    docs: Int32Array,
  ): Promise<Map<number, Int32Array>> {
    const { ref, sizes } = head;
    const index = new Map<number, number>();
    for (let i = 0, j = 0; i < docs.length; i++) {
      while (head.docs[j]! < docs[i]!) j++;
      index.set(docs[i]!, j);
    }
    const needed = [...new Set([...index.values()].map((j) => Math.floor(j / BLOCK)))].sort(
      (a, b) => a - b,
    );
    const offsets = [0];
    for (const s of sizes) offsets.push(offsets.at(-1)! + s);
    const base = ref.offset + ref.docsLength + ref.tableLength;
    const neededBytes = needed.reduce((s, b) => s + sizes[b]!, 0);
    // Consecutive blocks in one request; most of them: all in one. Runs are joined across the
    // smallest gaps until at most MAX_RANGES requests remain (a common phrase's notices are spread
    // over thousands of blocks: one request each took 30 s at 100,000 notices).
    let runs: Array<[number, number]> = [];
    if (neededBytes > ref.blocksLength * 0.6) runs.push([0, sizes.length - 1]);
    else
      for (const b of needed)
        runs.at(-1)?.[1] === b - 1 ? (runs.at(-1)![1] = b) : runs.push([b, b]);
    if (runs.length > MAX_RANGES) {
      const gaps = runs.slice(1).map((r, i) => offsets[r[0]]! - offsets[runs[i]![1] + 1]!);
      const limit = [...gaps].sort((a, b) => a - b)[runs.length - MAX_RANGES - 1]!;
      const joined: Array<[number, number]> = [runs[0]!];
      runs
        .slice(1)
        .forEach((r, i) => (gaps[i]! <= limit ? (joined.at(-1)![1] = r[1]) : joined.push(r)));
      runs = joined;
    }
    const out = new Map<number, Int32Array>();
    await Promise.all(
      runs.map(async ([from, to]) => {
        const bytes = await this.reader.range(
          ref.pack,
          base + offsets[from]!,
          offsets[to + 1]! - offsets[from]!,
        );
        for (let b = from; b <= to; b++) {
          const count = Math.min(BLOCK, head.docs.length - b * BLOCK);
          const lists = decodeBlock(
            bytes.subarray(offsets[b]! - offsets[from]!, offsets[b + 1]! - offsets[from]!),
            count,
          );
          lists.forEach((p, k) => out.set(head.docs[b * BLOCK + k]!, p));
        }
      }),
    );
    return out;
  }

  private async filtered(filters: Record<string, string>): Promise<Int32Array | null> {
    const names = Object.keys(filters);
    if (!names.length) return null;
    const lists = await Promise.all(
      names.map((n) => this.entry(filterKey(n, filters[n]!)).then((e) => this.docList(e))),
    );
    return lists.reduce((a, b) => intersect(a, b));
  }

  async answer(plan: Plan, map: CharMap): Promise<Answer> {
    if (plan.kind === 'empty' || plan.kind === 'punctuation')
      return { plan, ids: EMPTY, partial: null };
    const filter = await this.filtered(plan.request.filters);
    if (plan.kind === 'filters') return { plan, ids: filter ?? EMPTY, partial: null };
    const texts = await Promise.all(plan.chunks.map((c) => this.textDocs(c.norm)));
    let ids = texts.map((t) => t.docs).reduce((a, b) => intersect(a, b));
    if (filter) ids = intersect(ids, filter);
    if (ids.length) {
      if (plan.request.sort === 'date') return { plan, ids, partial: null };
      const whole = plan.whole ? await this.textDocs(plan.whole) : null;
      // Relevance: the whole text before its chunks apart, then in the title (or 索引号, 文号) before
      // only in the body, then newer first (numbers are newest first).
      const tier = (d: number) => {
        const apart = whole ? !holds(whole.docs, d) : false;
        const heading =
          whole && !apart ? holds(whole.heading, d) : texts.every((t) => holds(t.heading, d));
        return (apart ? 2 : 0) + (heading ? 0 : 1);
      };
      const tiers = Array.from(ids, tier);
      const order = Array.from(ids.keys()).sort((a, b) => tiers[a]! - tiers[b]! || a - b);
      return { plan, ids: Int32Array.from(order, (i) => ids[i]!), partial: null };
    }
    // No notice holds every chunk: the words the site has, labelled partial, newest first.
    const known: string[] = [];
    const missing: string[] = [];
    const lists: Int32Array[] = [];
    for (const [i, c] of plan.chunks.entries()) {
      if (texts[i]!.docs.length) {
        known.push(c.norm);
        lists.push(texts[i]!.docs);
        continue;
      }
      for (const w of wordsOf([c], map)) {
        const t = await this.textDocs(w);
        if (t.docs.length) {
          if (!known.includes(w)) (known.push(w), lists.push(t.docs));
        } else if (!missing.includes(w)) missing.push(w);
      }
    }
    let partial = lists.length ? lists.reduce((a, b) => intersect(a, b)) : EMPTY;
    if (filter) partial = intersect(partial, filter);
    if (partial.length || lists.length < 2)
      return { plan, ids: partial, partial: { missing, known, some: false } };
    // The words the site has are never in one notice together: those holding most of them, newest first.
    return { plan, ids: byHowMany(lists, filter), partial: { missing, known, some: true } };
  }

  /** Where each notice's Pagefind record is (`bundle/id`, contract.ts fragmentUrl). */
  async fragments(ids: ArrayLike<number>): Promise<string[]> {
    const pages = new Map<number, Promise<string[]>>();
    const page = (k: number) => {
      if (!pages.has(k)) pages.set(k, this.reader.docsPage(k));
      return pages.get(k)!;
    };
    return Promise.all(
      Array.from(ids, async (d) => (await page(Math.floor(d / DOCS_PER_PAGE)))[d % DOCS_PER_PAGE]!),
    );
  }
}
