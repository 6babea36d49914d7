import { parseTimestamp } from '../ui/format';

/** Link expiry as staff read it: rounded down, so "59 min" is never more than is left. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `59 min`, `2 h 5 min`, `23 h`, `3 days`. */
export function formatSpan(ms: number): string {
  const span = Math.abs(ms);
  if (span < MINUTE) return 'less than a minute';
  if (span < HOUR) return `${Math.floor(span / MINUTE)} min`;
  if (span < DAY) {
    const hours = Math.floor(span / HOUR);
    const minutes = Math.floor((span % HOUR) / MINUTE);
    return minutes && hours < 6 ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  const days = Math.floor(span / DAY);
  return days === 1 ? '1 day' : `${days} days`;
}

/** `14:05`, in the viewer's time zone. */
export function formatClock(date: Date): string {
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** `expires in 59 min, at 14:05` or `expired 3 min ago, at 14:05`; names the day when it isn't today. */
export function formatExpiry(expiresAt: string, now: number = Date.now()): string | undefined {
  const date = parseTimestamp(expiresAt);
  if (!date) return undefined;
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const day = date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
  const at = sameDay ? formatClock(date) : `${formatClock(date)} on ${day}`;
  const left = date.getTime() - now;
  return left > 0 ? `expires in ${formatSpan(left)}, at ${at}` : `expired ${formatSpan(left)} ago, at ${at}`;
}
