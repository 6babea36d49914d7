import { z } from 'zod';
import { utcDay } from '../mirror/settings.js';

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM, e.g. 2026-10');

/** The first day of `month` and of the month after it, `YYYY-MM-DD`. */
export function monthBounds(month: string): { start: string; next: string } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return { start: `${month}-01`, next: utcDay(new Date(Date.UTC(year, number, 1))) };
}

/** The month (`YYYY-MM`) of a day (`YYYY-MM-DD`). */
export const monthOf = (day: string) => day.slice(0, 7);

export function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return monthOf(utcDay(new Date(Date.UTC(year, number - 2, 1))));
}

export const currentMonth = (now: number) => monthOf(utcDay(new Date(now)));
