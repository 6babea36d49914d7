import { companyReferenceSchema, companySchema, connectionSchema, parseCodatDate, type Connection } from '@console/codat-client';
import { z } from 'zod';
import { diffDeletedCompanies, diffDeletedConnection, diffObservation } from '../mirror/diff.js';
import type { MirrorWrite } from '../mirror/model.js';
import { observeCompany, observeConnection, observeReferenceCompany, type PlatformKeyOf } from '../mirror/observe.js';
import type { MirrorStore } from '../mirror/store.js';

/** Codat's current (Svix) envelope. */
export const codatEventSchema = z.looseObject({
  id: z.string().max(200),
  eventType: z.string().max(200),
  generatedDate: z.string().max(100).nullish(),
  payload: z.unknown(),
});
export type CodatEvent = z.infer<typeof codatEventSchema>;

const connectionPayload = z.looseObject({ referenceCompany: companyReferenceSchema, connection: connectionSchema });
const companyPayload = companySchema.partial({ redirect: true });

export const CONNECTION_EVENTS = ['connection.created', 'connection.connected', 'connection.failed', 'connection.disconnected', 'connection.reconnected'];

export interface EventContext {
  store: MirrorStore;
  merchantIdTag: string;
  platformKeys: (connections: readonly Connection[]) => Promise<PlatformKeyOf>;
  now: () => number;
}

/** `applied`: the mirror was updated; `ignored`: an event the mirror does not use (read.completed, …). */
export type EventOutcome = 'applied' | 'ignored';

export class EventPayloadError extends Error {}

function parsePayload<S extends z.ZodType>(schema: S, event: CodatEvent): z.infer<S> {
  const parsed = schema.safeParse(event.payload);
  if (!parsed.success) throw new EventPayloadError(`${event.eventType} payload not understood: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

async function writeFor(ctx: EventContext, event: CodatEvent, at: Date): Promise<MirrorWrite | undefined> {
  if (CONNECTION_EVENTS.includes(event.eventType)) {
    const { referenceCompany, connection } = parsePayload(connectionPayload, event);
    const company = observeReferenceCompany(referenceCompany, ctx.merchantIdTag);
    const observed = observeConnection(connection, company.id, await ctx.platformKeys([connection]));
    const state = await ctx.store.loadState([company.id], [observed.id]);
    return diffObservation(state, { companies: [company], connections: [observed], completeCompanyIds: new Set(), observedAt: at }, { baseline: false });
  }
  if (event.eventType === 'connection.deleted') {
    const { connection } = parsePayload(connectionPayload, event);
    const id = connection.id.toLowerCase();
    return diffDeletedConnection(await ctx.store.loadState([], [id]), id, at);
  }
  if (event.eventType === 'company.created') {
    const company = parsePayload(companyPayload, event);
    const observed = observeCompany({ ...company, redirect: '' }, ctx.merchantIdTag);
    return diffObservation(await ctx.store.loadState([observed.id]), { companies: [observed], connections: [], completeCompanyIds: new Set(), observedAt: at }, { baseline: false });
  }
  if (event.eventType === 'company.deleted') {
    const id = parsePayload(companyPayload, event).id.toLowerCase();
    return diffDeletedCompanies(await ctx.store.loadState([id]), [id], at);
  }
  return undefined;
}

/**
 * Updates the mirror from one verified Codat event. The event's own date orders it against what
 * the mirror holds, so a late or repeated delivery changes nothing (Codat retries for ~28 h).
 */
export async function applyCodatEvent(ctx: EventContext, event: CodatEvent): Promise<EventOutcome> {
  const at = parseCodatDate(event.generatedDate) ?? new Date(ctx.now());
  const write = await writeFor(ctx, event, at);
  if (!write) return 'ignored';
  await ctx.store.applyWrite(write, 'webhook', new Date(ctx.now()));
  return 'applied';
}
