import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { StaffRecord } from '@console/contracts';
import { findStaffById } from '../../auth/staff-store.js';
import { accountLocks } from '../../auth/throttle.js';
import type { BffDeps } from '../../deps.js';
import { notFound } from '../../http/api-error.js';
import { listQueryDoc, readOptionalJsonBody, uuid } from '../../http/params.js';
import { readJsonBody, readParam } from '../../http/request-input.js';
import { listResponse, parseListQuery } from '../../http/simple-rest.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { listStaff } from './list.js';
import { createStaff, resetStaffPassword, unlockStaffSignIn, updateStaffAccount } from './mutations.js';
import {
  createStaffSchema,
  resetPasswordSchema,
  STAFF_SORT_FIELDS,
  staffFilterSchema,
  staffRecordSchema,
  staffWithPasswordSchema,
  updateStaffSchema,
} from './schemas.js';
import { toStaffRecord } from './to-record.js';

/** react-admin's `staff` resource: admins invite, edit, disable and reset staff accounts. There is no delete. */
export function staffRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const idOf = (c: Context) => readParam(c, 'id', uuid, 'staff id');

  const signInLocks = (emails: string[]) => accountLocks(deps.db, emails, new Date(deps.now()));
  /** A record as answered, with the account's sign-in lock read now. */
  const withLock = async <R extends StaffRecord>(record: R): Promise<R> => ({
    ...record,
    signInLockedUntil: (await signInLocks([record.email])).get(record.email)?.toISOString() ?? null,
  });

  app.get('/', async (c) => {
    const query = parseListQuery(c, staffFilterSchema, STAFF_SORT_FIELDS);
    const { rows, total } = await listStaff(deps.db, query);
    const locks = await signInLocks(rows.map((row) => row.email));
    return listResponse(c, 'staff', query.start, rows.map((row) => toStaffRecord(row, locks.get(row.email))), total);
  });

  app.get('/:id', async (c) => {
    const row = await findStaffById(deps.db, idOf(c));
    if (!row) throw notFound(`No staff account ${c.req.param('id')}.`);
    return c.json(await withLock(toStaffRecord(row)));
  });

  app.post('/', async (c) => c.json(await createStaff(c, deps, await readJsonBody(c, createStaffSchema)), 201));

  app.put('/:id', async (c) => {
    const id = idOf(c);
    return c.json(await withLock(await updateStaffAccount(c, deps, id, await readJsonBody(c, updateStaffSchema))));
  });

  app.post('/:id/reset-password', async (c) => {
    const id = idOf(c);
    const body = await readOptionalJsonBody(c, resetPasswordSchema);
    return c.json(await withLock(await resetStaffPassword(c, deps, id, body?.password)));
  });

  app.post('/:id/unlock', async (c) => c.json(await unlockStaffSignIn(c, deps, idOf(c))));

  docs.add(
    {
      method: 'get',
      path: '/staff',
      tag: 'staff',
      list: true,
      summary: `Staff accounts. filter: q (email or name contains), role, disabled, id (getMany). sort: ${STAFF_SORT_FIELDS.join(', ')}.`,
      query: listQueryDoc('{ q?, role?, disabled?, id? }'),
      response: z.array(staffRecordSchema),
    },
    { method: 'get', path: '/staff/{id}', tag: 'staff', summary: 'One staff account.', response: staffRecordSchema },
    {
      method: 'post',
      path: '/staff',
      tag: 'staff',
      status: 201,
      summary: 'Invite a staff member. Without a password one is generated and answered once as initialPassword. 409 if the email exists.',
      body: createStaffSchema,
      response: staffWithPasswordSchema,
    },
    {
      method: 'put',
      path: '/staff/{id}',
      tag: 'staff',
      summary: 'Rename, change role, disable (ends their sessions) or enable. 409 when it would leave no active admin.',
      body: updateStaffSchema,
      response: staffRecordSchema,
    },
    {
      method: 'post',
      path: '/staff/{id}/reset-password',
      tag: 'staff',
      summary: 'Set a new password (or have one generated, answered once) and end the account’s sessions.',
      body: resetPasswordSchema,
      response: staffWithPasswordSchema,
    },
    {
      method: 'post',
      path: '/staff/{id}/unlock',
      tag: 'staff',
      summary:
        'Lift the sign-in lock-outs and delay on an account: forgets its failed sign-ins from every address (a client address over its own limit stays locked). Audited as staff.unlock.',
      response: staffRecordSchema,
    },
  );
  return app;
}
