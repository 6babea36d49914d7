import { z } from 'zod';
import { listQueryDoc } from '../../http/params.js';
import type { OpenApiRegistry, RouteDoc } from '../../openapi/registry.js';
import { sourceAccountId } from './record-id.js';
import {
  batchBodyDoc,
  batchResultSchema,
  createBodyDoc,
  revealedSchema,
  sourceAccountRecordSchema,
  updateBodySchema,
  validateBodyDoc,
  validationResultSchema,
} from './schemas.js';

const tag = 'source-accounts';
const one = '/source-accounts/{id}';

export function documentSourceAccounts(docs: OpenApiRegistry): void {
  const routes: RouteDoc[] = [
    {
      method: 'get',
      path: '/source-accounts',
      summary: 'A bank-feed connection’s source accounts, account numbers masked. Only bank-feed connections have them.',
      tag,
      query: listQueryDoc('{ companyId, connectionId } (both required)'),
      response: z.array(sourceAccountRecordSchema),
      list: true,
    },
    { method: 'get', path: one, summary: `One source account; the id is ${sourceAccountId.pattern}.`, tag, response: sourceAccountRecordSchema },
    {
      method: 'post',
      path: `${one}/reveal`,
      summary: 'The unmasked account number and sort code: the only route that returns them.',
      tag,
      response: revealedSchema,
    },
    {
      method: 'post',
      path: '/source-accounts',
      summary: 'Creates one source account (v1 or v2 shape, as the Codat client uses); it starts pending.',
      tag,
      body: createBodyDoc,
      response: sourceAccountRecordSchema,
      status: 201,
    },
    {
      method: 'post',
      path: '/source-accounts/batch',
      summary: 'Creates up to 50 source accounts; 201 when all were created, 207 with each account’s outcome otherwise.',
      tag,
      body: batchBodyDoc,
      response: batchResultSchema,
      status: 201,
    },
    {
      method: 'post',
      path: '/source-accounts/validate',
      summary: 'Checks an account (or a batch) exactly as create would, without calling Codat.',
      tag,
      body: validateBodyDoc,
      response: validationResultSchema,
    },
    {
      method: 'put',
      path: one,
      summary: 'Updates what Codat lets change (v2: accountName; v1: also balance while not connected, status to disconnected); 400 names any other changed field.',
      tag,
      body: updateBodySchema,
      response: sourceAccountRecordSchema,
    },
    {
      method: 'delete',
      path: one,
      summary: 'Deletes the source account, which disables its feed; the target account stays in the accounting software. Answers the record as it was.',
      tag,
      response: sourceAccountRecordSchema,
    },
  ];
  docs.add(...routes);
}
