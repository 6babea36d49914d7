import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { consoleSettings } from '../db/schema/index.js';
import type { AuthSettings } from './settings.js';

const PASSWORD_SIGN_IN = 'passwordSignIn';

/** Password sign-in is offered unless an admin turned it off, which only counts while SSO is configured. */
export async function passwordSignInEnabled(db: Db, settings: AuthSettings): Promise<boolean> {
  if (!settings.oidc) return true;
  const [row] = await db.select().from(consoleSettings).where(eq(consoleSettings.key, PASSWORD_SIGN_IN));
  return row?.value !== false;
}

export async function setPasswordSignIn(db: Db, enabled: boolean, by: string, now: Date): Promise<void> {
  await db
    .insert(consoleSettings)
    .values({ key: PASSWORD_SIGN_IN, value: enabled, updatedAt: now, updatedBy: by })
    .onConflictDoUpdate({ target: consoleSettings.key, set: { value: enabled, updatedAt: now, updatedBy: by } });
}
