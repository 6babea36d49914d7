import { z } from 'zod';
import { compositeId, uuid } from '../../http/params.js';
import { singleLine } from '../../http/text.js';

/**
 * `<companyId>.<connectionId>.<accountId>`: Codat names a source account only within its
 * connection. The account id is caller-chosen free text (`acc-001`, a GUID, digits, …), so it is
 * URL-encoded and comes last; ids the console creates never need encoding.
 */
export const sourceAccountId = compositeId({
  companyId: uuid,
  connectionId: uuid,
  accountId: singleLine(z.string().min(1).max(200)),
});
