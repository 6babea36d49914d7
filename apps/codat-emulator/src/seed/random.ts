/** `[value, weight]` pairs; weights need not sum to anything in particular. */
export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/** A weighted table prepared once, so picking from it is a short scan without allocation. */
export interface WeightedTable<T> {
  values: readonly T[];
  cumulative: readonly number[];
  total: number;
}

export function weightedTable<T>(entries: Weighted<T>): WeightedTable<T> {
  let total = 0;
  const cumulative = entries.map(([, weight]) => (total += weight));
  return { values: entries.map(([value]) => value), cumulative, total };
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
const uuidScratch = Buffer.alloc(36, '-');

function writeHex(at: number, value: number, digits: number): void {
  for (let k = digits - 1; k >= 0; k -= 1) {
    uuidScratch[at + k] = HEX_DIGITS[value & 15]!;
    value >>>= 4;
  }
}

/**
 * sfc32: 128 bits of state, so ids drawn from it do not collide the way ids from a 32-bit
 * generator would at a million draws. Seed data only — never for secrets.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` derives independent sequences from one seed (one per company, say). */
  constructor(seed: number, stream = 0) {
    this.a = 0x9e3779b9 ^ stream;
    this.b = 0x243f6a88 ^ Math.imul(stream, 0x85ebca6b);
    this.c = 0xb7e15162 ^ Math.floor(seed / 0x1_0000_0000);
    this.d = seed >>> 0;
    for (let i = 0; i < 12; i += 1) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(table: WeightedTable<T>): T {
    const target = this.next() * table.total;
    const { cumulative, values } = table;
    for (let i = 0; i < cumulative.length; i += 1) if (target < cumulative[i]!) return values[i]!;
    return values[values.length - 1]!;
  }

  /** `length` decimal digits, leading zeros allowed. */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += String(this.uint32() % 10);
    return out;
  }

  /** Lower-case, hyphenated, version-4 shaped, like Codat's ids; written as one contiguous string. */
  uuid(): string {
    const b = this.uint32();
    const c = this.uint32();
    writeHex(0, this.uint32(), 8);
    writeHex(9, b >>> 16, 4);
    writeHex(14, (b & 0x0fff) | 0x4000, 4);
    writeHex(19, ((c >>> 16) & 0x3fff) | 0x8000, 4);
    writeHex(24, c & 0xffff, 4);
    writeHex(28, this.uint32(), 8);
    return uuidScratch.toString('latin1');
  }
}
