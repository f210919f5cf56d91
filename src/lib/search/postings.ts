/**
 * Posting lists as bytes (build) and back (page). Notice numbers ascend.
 * A notice list is either deltas as varints (type 0) or a bitmap of every notice (type 1),
 * whichever is smaller. A position block holds, per notice, its count and its positions as deltas.
 */
export class ByteWriter {
  private buf = new Uint8Array(256);
  length = 0;
  private grow(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  byte(b: number): void {
    this.grow(1);
    this.buf[this.length++] = b;
  }
  varint(n: number): void {
    this.grow(6);
    while (n >= 0x80) {
      this.buf[this.length++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    this.buf[this.length++] = n;
  }
  bytes(b: Uint8Array): void {
    this.grow(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  byte(): number {
    return this.buf[this.pos++]!;
  }
  varint(): number {
    let n = 0;
    let mul = 1;
    for (;;) {
      const b = this.buf[this.pos++];
      if (b === undefined) throw new Error('truncated varint');
      n += (b & 0x7f) * mul;
      if (b < 0x80) return n;
      mul *= 128;
    }
  }
}

export function encodeDocList(docs: ArrayLike<number>, total: number): Uint8Array {
  const list = new ByteWriter();
  list.byte(0);
  list.varint(docs.length);
  let prev = -1;
  for (let i = 0; i < docs.length; i++) {
    list.varint(docs[i]! - prev - 1);
    prev = docs[i]!;
  }
  const bitmapLength = 1 + Math.ceil(total / 8);
  if (list.length <= bitmapLength) return list.result();
  const bits = new Uint8Array(bitmapLength);
  bits[0] = 1;
  for (let i = 0; i < docs.length; i++) bits[1 + (docs[i]! >> 3)]! |= 1 << (docs[i]! & 7);
  return bits;
}

export function decodeDocList(bytes: Uint8Array): Int32Array {
  if (bytes[0] === 1) {
    const out: number[] = [];
    for (let i = 1; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (!b) continue;
      for (let k = 0; k < 8; k++) if (b & (1 << k)) out.push((i - 1) * 8 + k);
    }
    return Int32Array.from(out);
  }
  const r = new ByteReader(bytes);
  r.byte();
  const n = r.varint();
  const out = new Int32Array(n);
  let prev = -1;
  for (let i = 0; i < n; i++) out[i] = prev = prev + 1 + r.varint();
  return out;
}

/** The numbers in both sorted lists. */
export function intersect(a: ArrayLike<number>, b: ArrayLike<number>): Int32Array {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return Int32Array.from(out);
}

/** Whether a sorted list holds n. */
export function holds(list: ArrayLike<number>, n: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! === n) return true;
    if (list[mid]! < n) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Positions of one 4-gram: the block table and the blocks, encoded by the build. */
export function encodePositionBlocks(
  perDoc: ReadonlyArray<ArrayLike<number>>,
  block: number,
): { table: Uint8Array; blocks: Uint8Array } {
  const table = new ByteWriter();
  const blocks = new ByteWriter();
  for (let b = 0; b < perDoc.length; b += block) {
    const start = blocks.length;
    for (const positions of perDoc.slice(b, b + block)) {
      blocks.varint(positions.length);
      let prev = -1;
      for (let i = 0; i < positions.length; i++) {
        blocks.varint(positions[i]! - prev - 1);
        prev = positions[i]!;
      }
    }
    table.varint(blocks.length - start);
  }
  return { table: table.result(), blocks: blocks.result() };
}

/** The byte length of each block, from the table. */
export function decodeBlockTable(bytes: Uint8Array): number[] {
  const r = new ByteReader(bytes);
  const out: number[] = [];
  while (!r.done) out.push(r.varint());
  return out;
}

/** The positions of each notice of one block (in the order of the key's notice list). */
export function decodeBlock(bytes: Uint8Array, docs: number): Int32Array[] {
  const r = new ByteReader(bytes);
  const out: Int32Array[] = [];
  for (let d = 0; d < docs; d++) {
    const n = r.varint();
    const p = new Int32Array(n);
    let prev = -1;
    for (let i = 0; i < n; i++) p[i] = prev = prev + 1 + r.varint();
    out.push(p);
  }
  return out;
}
