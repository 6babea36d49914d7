import { weightedTable, type SeededRandom } from './random.js';
import { BRAND_WORDS, LEGAL_SUFFIXES, PLACES, SURNAMES, TRADES, type Region } from './words.js';

type NamePattern = (rng: SeededRandom) => string;

const PATTERNS = weightedTable<NamePattern>([
  [(rng) => `${rng.pick(SURNAMES)} ${rng.pick(TRADES)}`, 30],
  [(rng) => `${rng.pick(PLACES)} ${rng.pick(TRADES)}`, 25],
  [(rng) => `${rng.pick(BRAND_WORDS)} ${rng.pick(TRADES)}`, 20],
  [(rng) => `${rng.pick(SURNAMES)} & ${rng.pick(SURNAMES)}`, 8],
  [(rng) => `${rng.pick(SURNAMES)} & ${rng.pick(['Sons', 'Daughters', 'Co'])}`, 4],
  [(rng) => `${rng.pick(SURNAMES)}'s ${rng.pick(TRADES)}`, 7],
  [(rng) => `The ${rng.pick(BRAND_WORDS)} ${rng.pick(TRADES)}`, 6],
]);

export function companyName(rng: SeededRandom, region: Region): string {
  const base = rng.weighted(PATTERNS)(rng);
  const suffix = rng.pick(LEGAL_SUFFIXES[region]);
  return suffix ? `${base} ${suffix}` : base;
}

const SUFFIX_SWAPS: ReadonlyArray<[RegExp, string]> = [
  [/ Limited$/, ' Ltd'],
  [/ Ltd\.?$/, ' Limited'],
  [/ Inc\.?$/, ' Incorporated'],
  [/ LLC$/, ', LLC'],
  [/ Pty\.? Ltd\.?$/, ' Pty Limited'],
];

function swapSuffix(name: string): string {
  for (const [pattern, replacement] of SUFFIX_SWAPS) if (pattern.test(name)) return name.replace(pattern, replacement);
  return `${name} Ltd`;
}

const VARIANTS = weightedTable<(name: string) => string>([
  [(name) => name.toUpperCase(), 2],
  [(name) => name.toLowerCase(), 2],
  [swapSuffix, 4],
  [(name) => (name.includes('&') ? name.replace('&', 'and') : name.replace(/ and /i, ' & ')), 1],
  [(name) => name.replace(/[.']/g, ''), 1],
  [(name) => name.replace(/ /, '  '), 1],
]);

/**
 * The same customer typed slightly differently: case, legal suffix, punctuation or spacing.
 * Always differs from `name`.
 */
export function nearDuplicateName(rng: SeededRandom, name: string): string {
  const variant = rng.weighted(VARIANTS)(name);
  return variant === name ? swapSuffix(name) : variant;
}
