/**
 * A hash table from non-negative integers below 2^53 to dense ids 0, 1, 2 … (open addressing over
 * typed arrays): the search tables' builder interns hundreds of millions of character grams, which
 * a Map with number keys holds at several times the memory and time.
 */
export class NumberTable {
  private keys: Float64Array;
  private ids: Int32Array;
  private mask: number;
  /** The key of each id. */
  byId: Float64Array;
  size = 0;

  constructor(capacity = 1 << 16) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Float64Array(n);
    this.ids = new Int32Array(n).fill(-1);
    this.mask = n - 1;
    this.byId = new Float64Array(Math.max(16, capacity));
  }

  private static hash(key: number): number {
    const lo = key % 4294967296;
    const hi = (key - lo) / 4294967296;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    return Math.imul(h, 0xc2b2ae35) ^ (h >>> 16);
  }

  /** The id of `key`, given a new one if it has none. */
  intern(key: number): number {
    let i = NumberTable.hash(key) & this.mask;
    for (;;) {
      const id = this.ids[i]!;
      if (id === -1) break;
      if (this.keys[i] === key) return id;
      i = (i + 1) & this.mask;
    }
    const id = this.size++;
    this.keys[i] = key;
    this.ids[i] = id;
    if (id >= this.byId.length) {
      const next = new Float64Array(this.byId.length * 2);
      next.set(this.byId);
      this.byId = next;
    }
    this.byId[id] = key;
    if (this.size * 2 > this.mask) this.grow();
    return id;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (ids[j] === -1) continue;
      let i = NumberTable.hash(keys[j]!) & this.mask;
      while (this.ids[i] !== -1) i = (i + 1) & this.mask;
      this.keys[i] = keys[j]!;
      this.ids[i] = ids[j]!;
    }
  }
}

/** A growable array of 32-bit integers. */
export class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(n: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = n;
  }
}
