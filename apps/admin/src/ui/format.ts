/**
 * Codat writes timestamps with up to seven fraction digits and sometimes without a zone
 * (`2024-05-16T14:55:21.6076495` is UTC). Parsed tolerantly; `undefined` when unusable.
 */
export function parseTimestamp(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  let text = value.trim().replace(/(\.\d{3})\d+/, '$1');
  if (/T\d{2}:\d{2}/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) text += 'Z';
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** `16 May 2024, 15:55` in the viewer's time zone; the raw text when it cannot be parsed. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = parseTimestamp(value);
  return date ? dateTime.format(date) : value;
}

/** A calendar date (`2024-05-16` or a timestamp) as `16 May 2024`, without shifting the day. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : parseTimestamp(value);
  return date ? dateOnly.format(date) : value;
}

/** `3 min ago`, `2 h ago`, `5 days ago`; `in 2 h` for future times. */
export function formatRelative(value: string | null | undefined, now: number = Date.now()): string {
  const date = parseTimestamp(value);
  if (!date) return '';
  const seconds = Math.round((now - date.getTime()) / 1000);
  const future = seconds < 0;
  const s = Math.abs(seconds);
  let text: string;
  if (s < 45) text = 'just now';
  else if (s < 3600) text = `${Math.round(s / 60)} min`;
  else if (s < 86_400) text = `${Math.round(s / 3600)} h`;
  else {
    const days = Math.round(s / 86_400);
    text = `${days} day${days === 1 ? '' : 's'}`;
  }
  if (text === 'just now') return text;
  return future ? `in ${text}` : `${text} ago`;
}

/** `850 ms`, `12 s`, `3 min 5 s`, `2 h 10 min`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** An amount in its currency (`£1,234.50`); the bare number when the code is not ISO 4217. */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount == null) return '—';
  if (currency && /^[A-Z]{3}$/.test(currency) && currency !== 'XXX') {
    try {
      return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount);
    } catch {
      // An unknown code: fall through to the plain number.
    }
  }
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(amount);
}

/** `1 error`, `3 errors`, `1,200 companies`: a count with its noun in the right number. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}
