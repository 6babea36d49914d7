import { eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { ssoFlows } from '../../db/schema/index.js';
import { randomToken, tokenHash } from '../sessions.js';

export type SsoFlow = typeof ssoFlows.$inferSelect;

/** How long a person may take at the provider before the flow must be started again. */
export const SSO_FLOW_MS = 10 * 60_000;

/** Stores a new flow; its random key goes to the browser's flow cookie, binding the callback to this browser. */
export async function openFlow(db: Db, flow: Omit<SsoFlow, 'id' | 'expiresAt'>, now: Date): Promise<string> {
  const key = randomToken();
  await db.delete(ssoFlows).where(lt(ssoFlows.expiresAt, now));
  await db.insert(ssoFlows).values({ ...flow, id: tokenHash(key), expiresAt: new Date(now.getTime() + SSO_FLOW_MS) });
  return key;
}

/** Takes the flow out (each can complete once); undefined when unknown or expired. */
export async function takeFlow(db: Db, key: string, now: Date): Promise<SsoFlow | undefined> {
  const [flow] = await db.delete(ssoFlows).where(eq(ssoFlows.id, tokenHash(key))).returning();
  return flow && flow.expiresAt > now ? flow : undefined;
}
