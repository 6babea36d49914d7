import { timestamp } from 'drizzle-orm/pg-core';

/** Every time is a `timestamptz` read as a Date. */
export const time = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
