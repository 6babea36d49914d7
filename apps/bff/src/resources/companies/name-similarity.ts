/**
 * When two company names probably mean the same customer. Kept deliberately simple:
 * - normalise: lower case, `&` → "and", anything but letters and digits → space, and trailing
 *   legal suffixes dropped ("Ltd", "Limited", "LLC", "Inc", …);
 * - same: the normalised names are equal;
 * - similar: a small edit distance (about one typo per eight characters, names of 5+ characters),
 *   or every word of the shorter name (2+ words) appears in the longer one.
 */

const TRAILING_NOISE = new Set([
  'ltd', 'limited', 'llc', 'inc', 'incorporated', 'plc', 'llp', 'corp', 'corporation', 'co', 'company', 'pty', 'gmbh', 'and',
]);

export function nameTokens(name: string): string[] {
  const tokens = name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (tokens.length > 1 && TRAILING_NOISE.has(tokens[tokens.length - 1]!)) tokens.pop();
  return tokens;
}

export function normaliseName(name: string): string {
  return nameTokens(name).join(' ');
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

export function compareNames(a: string, b: string): 'sameName' | 'similarName' | undefined {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (x === '' || y === '') return undefined;
  if (x === y) return 'sameName';
  const shortest = Math.min(x.length, y.length);
  if (shortest >= 5) {
    const limit = Math.max(1, Math.floor(shortest / 8));
    if (editDistance(x, y, limit) <= limit) return 'similarName';
  }
  const [fewer, more] = [new Set(x.split(' ')), new Set(y.split(' '))].sort((p, q) => p.size - q.size) as [Set<string>, Set<string>];
  if (fewer.size >= 2 && [...fewer].every((token) => more.has(token))) return 'similarName';
  return undefined;
}
