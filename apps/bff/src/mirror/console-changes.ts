import { randomUUID } from 'node:crypto';
import type { BffDeps } from '../deps.js';
import type { CompanyRecord } from '../resources/companies/schemas.js';
import { applyCodatEvent } from '../webhooks/codat-events.js';
import { mirrorRuntime } from './runtime.js';

/**
 * Applies a company change staff just made through the console to the mirror, as Codat's own
 * webhook would, so mirror-backed lists show it at once. Best effort: the change is already done
 * in Codat, and the next scheduled sync reconciles anything missed.
 */
export async function mirrorCompanyChange(
  deps: BffDeps,
  change: 'saved' | 'deleted',
  company: Pick<CompanyRecord, 'id' | 'name' | 'description' | 'tags' | 'created'>,
): Promise<void> {
  const { id, name, description, tags, created } = company;
  try {
    await applyCodatEvent(mirrorRuntime(deps).events, {
      id: randomUUID(),
      eventType: change === 'saved' ? 'company.created' : 'company.deleted',
      generatedDate: new Date(deps.now()).toISOString(),
      payload: { id, name, description, tags, created },
    });
  } catch (error) {
    deps.logger.warn({ companyId: id, change, err: error instanceof Error ? error.message : String(error) }, 'mirror not updated after a console change');
  }
}
