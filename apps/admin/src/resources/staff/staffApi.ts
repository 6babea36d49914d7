import type { Role, StaffRecord, StaffWithPassword } from '@console/contracts';
import { httpClient } from '../../providers/httpClient';

/** `POST /api/staff` (through the data provider's create). */
export interface NewStaff {
  email: string;
  name: string;
  role: Role;
  /** Omitted: the BFF generates one and answers it once as `initialPassword`. */
  password?: string;
}

/** `POST /api/staff/:id/unlock`: lifts the account's sign-in lock-outs and delay. */
export async function unlockStaffSignIn(id: string): Promise<StaffRecord> {
  return (await httpClient<StaffRecord>(`/api/staff/${encodeURIComponent(id)}/unlock`, { method: 'POST' })).json;
}

/** `POST /api/staff/:id/reset-password`: a new generated password, answered once. */
export async function resetStaffPassword(id: string): Promise<StaffWithPassword> {
  return (await httpClient<StaffWithPassword>(`/api/staff/${encodeURIComponent(id)}/reset-password`, { method: 'POST' })).json;
}
