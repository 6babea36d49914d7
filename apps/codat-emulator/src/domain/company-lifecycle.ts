import type { Emulator } from '../emulator.js';
import type { CompanyRecord } from '../store/types.js';
import { companyEventPayload } from '../webhooks/payloads.js';
import { codatTimestamp } from './dates.js';
import { newId } from './ids.js';

export interface NewCompany {
  /** Already sanitised (see company-names.ts). */
  name: string;
  description?: string;
  tags?: Record<string, string>;
}

/**
 * Adds a company and fires `company.created`. `created` is stored in the whole-second form later
 * reads show; only the POST /companies response carries 7 digits (`codatTimestamp(createdMs)`).
 */
export function createCompany(emu: Emulator, input: NewCompany, origin?: string): CompanyRecord {
  const now = emu.clock.now();
  const company: CompanyRecord = {
    id: newId(),
    name: input.name,
    description: input.description ?? '',
    created: codatTimestamp(now, 'seconds'),
    createdMs: now,
    products: [],
    tags: input.tags && Object.keys(input.tags).length > 0 ? input.tags : undefined,
    connectionIds: [],
  };
  emu.store.addCompany(company);
  emu.events.emit({ eventType: 'company.created', companyId: company.id, payload: companyEventPayload(emu, company, origin) });
  return company;
}
