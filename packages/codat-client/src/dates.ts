// Date-only, or date-time with 0–7 fractional digits and an optional `Z` / `±hh:mm` offset.
const CODAT_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Parses the date shapes Codat emits (`2022-11-10T10:45:18.1950523Z`, `…18Z`, `2023-09-12T00:00:00`,
 * `2024-05-01`, `…+01:00`). Fractions beyond milliseconds are truncated. A value without an
 * offset is read as UTC: it is local to the SMB, whose zone Codat doesn't tell us, and reading
 * it in the server's zone would be just as arbitrary. Returns undefined for anything else,
 * including impossible dates such as 2023-02-30 (which `Date` would roll into March).
 */
export function parseCodatDate(value: string | null | undefined): Date | undefined {
  const match = value ? CODAT_DATE.exec(value.trim()) : null;
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return undefined;
  }
  return new Date(local - offsetMinutes(match[8]) * 60_000);
}

function offsetMinutes(offset: string | undefined): number {
  if (!offset || offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return offset.startsWith('-') ? -minutes : minutes;
}
