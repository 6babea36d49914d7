import { CodatError } from '@console/codat-client';
import type { BffDeps } from '../deps.js';
import { mirrorCompanyChange } from '../mirror/console-changes.js';
import { completeReservation, releaseReservation } from '../resources/companies/reservations.js';
import type { OpenAction } from './open-actions.js';

type FollowUp = (deps: BffDeps, action: OpenAction, outcome: 'ok' | 'failed', target: Record<string, string> | undefined) => Promise<void>;

/** What an area does once one of its unknown actions is resolved, as the request would have done. */
export const FOLLOW_UPS: Record<string, FollowUp> = {
  'company.create': async (deps, action, outcome, target) => {
    if (outcome === 'failed' || !target?.companyId) return releaseReservation(deps.db, action.attemptId);
    await completeReservation(deps.db, action.attemptId, target.companyId);
    try {
      const company = await deps.codat.companies.get(target.companyId);
      await mirrorCompanyChange(deps, 'saved', { ...company, description: company.description ?? null, tags: company.tags ?? {}, created: company.created ?? null });
    } catch (error) {
      // Deleted since: the next mirror sync has the last word.
      if (!(error instanceof CodatError && error.status === 404)) throw error;
    }
  },
};
