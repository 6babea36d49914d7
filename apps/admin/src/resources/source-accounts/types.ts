/** A source account as the BFF sends it (`GET /api/source-accounts`): numbers masked. */
export interface SourceAccountRecord {
  /** `<companyId>.<connectionId>.<accountId, URL-encoded>` */
  id: string;
  companyId: string;
  connectionId: string;
  accountId: string;
  accountName: string | null;
  accountType: string | null;
  /** `••••1234`; the full number only through POST /api/source-accounts/:id/reveal (audited). */
  accountNumberMasked: string | null;
  sortCodeMasked?: string;
  currency: string | null;
  balance: number | null;
  status: string | null;
  feedStartDate?: string;
  modifiedDate?: string;
  /** Which of Codat's shapes: decides the form fields and what may be edited. */
  version: 'v1' | 'v2';
  mapping?: { targetAccountId: string; targetAccountName: string | null; status: string | null };
}

/** `POST /api/source-accounts/:id/reveal` */
export interface RevealedNumbers {
  accountNumber: string | null;
  sortCode: string | null;
  routingInfo?: { type: string | null; bankCode: string | null };
}

export interface FieldError {
  field: string;
  message: string;
}

/** `POST /api/source-accounts/batch` */
export interface BatchResult {
  created: number;
  failed: number;
  results: Array<{ accountId: string; created: boolean; record?: SourceAccountRecord; statusCode?: string; error?: string }>;
}
