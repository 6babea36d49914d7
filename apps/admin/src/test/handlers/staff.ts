import type { StaffRecord } from '@console/contracts';
import { http, HttpResponse } from 'msw';
import { LAST_ADMIN_MESSAGE, staffMember, staffRecords } from '../fixtures/staff';
import { apiError, listResponse } from './simple-rest-list';

/**
 * The staff API over an in-memory list, refusing what the BFF refuses: a change that would leave
 * no active admin (409 with the BFF's message) and a second account with the same email.
 */
export function staffHandlers(initial: StaffRecord[] = staffRecords) {
  const records = [...initial];
  const calls = { create: [] as unknown[], update: [] as Array<{ id: string; body: Partial<StaffRecord> }>, reset: [] as string[], unlock: [] as string[] };
  const activeAdmins = (list: StaffRecord[]) => list.filter((r) => r.role === 'admin' && !r.disabled).length;
  const handlers = [
    http.get('*/api/staff', ({ request }) =>
      listResponse('staff', request, records, {
        q: (record, value) => `${record.name} ${record.email}`.toLowerCase().includes(String(value).toLowerCase()),
      }),
    ),
    http.post('*/api/staff/:id/reset-password', ({ params }) => {
      calls.reset.push(String(params.id));
      const record = records.find((r) => r.id === params.id)!;
      return HttpResponse.json({ ...record, initialPassword: 'Reset-Pass-4821-xyz' });
    }),
    http.post('*/api/staff/:id/unlock', ({ params }) => {
      calls.unlock.push(String(params.id));
      const index = records.findIndex((r) => r.id === params.id);
      records[index] = { ...records[index]!, signInLockedUntil: null };
      return HttpResponse.json(records[index]);
    }),
    http.post('*/api/staff', async ({ request }) => {
      const body = (await request.json()) as { email: string; name: string; role: StaffRecord['role']; password?: string };
      calls.create.push(body);
      if (records.some((r) => r.email === body.email)) {
        return apiError(409, `There is already an account for ${body.email}.`, { code: 'conflict', requestId: 'req-staff-409' });
      }
      const record = staffMember({ id: `3c1e8f0a-5d2b-4e7f-9a1c-${String(records.length + 1).padStart(12, '0')}`, email: body.email, name: body.name, role: body.role, lastSignInAt: null });
      records.push(record);
      return HttpResponse.json({ ...record, ...(body.password ? {} : { initialPassword: 'Gen-Pass-7731-abc' }) }, { status: 201 });
    }),
    http.put('*/api/staff/:id', async ({ request, params }) => {
      const body = (await request.json()) as Partial<StaffRecord>;
      calls.update.push({ id: String(params.id), body });
      const index = records.findIndex((r) => r.id === params.id);
      const next = { ...records[index]!, role: body.role ?? records[index]!.role, disabled: body.disabled ?? records[index]!.disabled };
      const after = records.map((r, i) => (i === index ? next : r));
      if (activeAdmins(after) === 0) return apiError(409, LAST_ADMIN_MESSAGE, { code: 'last_admin', requestId: 'req-last-admin' });
      records[index] = next;
      return HttpResponse.json(next);
    }),
  ];
  return { calls, handlers, records };
}

export const staffFail = () => [http.get('*/api/staff', () => apiError(500, 'The staff directory could not be read.', { requestId: 'req-staff-500' }))];
export const staffHang = () => [http.get('*/api/staff', () => new Promise<never>(() => undefined))];
