import { z } from 'zod';
import type { BankFeedMappingInput } from '../schemas/bank-feed-inputs.js';
import {
  bankFeedCredentialsSchema,
  bankFeedMappingResultSchema,
  bankFeedMappingSchema,
  sageOtpSchema,
  type BankFeedCredentials,
  type BankFeedMapping,
  type BankFeedMappingResult,
  type SageOtp,
} from '../schemas/bank-feeds.js';
import type { Caller } from './caller.js';
import { connectionPath, sourceAccountsPath } from './paths.js';
import { sourceAccountsOperations } from './source-accounts.js';

const mappingListSchema = z.array(bankFeedMappingSchema);

// Mapping lives under `bankFeedAccounts/mapping`, without the `connectionInfo/` of the other routes.
const mappingPath = (companyId: string, connectionId: string) =>
  `${connectionPath(companyId, connectionId)}/bankFeedAccounts/mapping`;

export function bankFeedsOperations(caller: Caller) {
  const credentials = {
    /** Mints a new pair on every call; earlier pairs stay valid until `delete`. */
    generate: (companyId: string, connectionId: string): Promise<BankFeedCredentials> =>
      caller.json(
        {
          operation: 'bankFeeds.credentials.generate',
          method: 'POST',
          path: `${sourceAccountsPath(companyId, connectionId)}/credentials`,
          companyId,
          // Codat requires a JSON body but doesn't say what goes in it.
          body: {},
        },
        bankFeedCredentialsSchema,
      ),
    /** Revokes every credential pair of the connection. */
    delete: (companyId: string, connectionId: string): Promise<void> =>
      caller.empty({
        operation: 'bankFeeds.credentials.delete',
        method: 'DELETE',
        path: `${sourceAccountsPath(companyId, connectionId)}/credentials`,
        companyId,
      }),
  };

  const mapping = {
    get: (companyId: string, connectionId: string): Promise<BankFeedMapping[]> =>
      caller.json(
        {
          operation: 'bankFeeds.mapping.get',
          method: 'GET',
          path: mappingPath(companyId, connectionId),
          companyId,
        },
        mappingListSchema,
      ),
    /** Maps one source account; poll `get` until its status is `connected`. */
    create: (
      companyId: string,
      connectionId: string,
      body: BankFeedMappingInput,
    ): Promise<BankFeedMappingResult> =>
      caller.json(
        {
          operation: 'bankFeeds.mapping.create',
          method: 'POST',
          path: mappingPath(companyId, connectionId),
          companyId,
          body,
        },
        bankFeedMappingResultSchema,
      ),
  };

  return {
    sourceAccounts: sourceAccountsOperations(caller),
    credentials,
    mapping,
    /** Sage Bank Feeds only: the SMB types the connection id and this OTP into Sage. */
    generateSageOtp: (companyId: string, connectionId: string): Promise<SageOtp> =>
      caller.json(
        {
          operation: 'bankFeeds.generateSageOtp',
          method: 'POST',
          path: `${connectionPath(companyId, connectionId)}/bankFeeds/otp`,
          companyId,
        },
        sageOtpSchema,
      ),
  };
}
