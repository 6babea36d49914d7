/**
 * Well-known companies of the `demo` scenario. Their ids, names, merchant ids and connection
 * states are fixed, so tests of the BFF, the console and e2e specs can rely on them. All
 * merchant ids here are in the M-100xxx range, which generated companies never use.
 */
export const DEMO_FIXTURES = {
  /** One customer onboarded three times: twice with the same name, once typed differently. */
  duplicateCustomer: {
    name: 'Harbourside Coffee Roasters Ltd',
    nearDuplicateName: 'HARBOURSIDE COFFEE ROASTERS LIMITED',
    merchantId: 'M-100001',
    /** Oldest first; the first has a Linked Xero connection, the others none. */
    companyIds: [
      '3f6c1d2a-8b4e-4f71-9c2d-5a1e7b9d0c11',
      '3f6c1d2a-8b4e-4f71-9c2d-5a1e7b9d0c12',
      '3f6c1d2a-8b4e-4f71-9c2d-5a1e7b9d0c13',
    ],
    connectionId: '8e2a4b6c-1d3f-4a5b-8c7d-9e0f1a2b3c41',
  },
  /** A QuickBooks Online connection the platform de-authorised: Deauthorized, active 401. */
  activeError: {
    companyId: 'a7b8c9d0-1e2f-4a3b-9c4d-5e6f7a8b9c02',
    name: 'Northgate Plumbing & Heating Ltd',
    merchantId: 'M-100002',
    connectionId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d52',
  },
  /** The customer abandoned Link: a PendingAuth Xero connection with an active 403. */
  userCancelled: {
    companyId: 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e03',
    name: 'Saffron Catering LLC',
    merchantId: 'M-100003',
    connectionId: 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f63',
  },
  /** Linked QuickBooks Online plus a QBO Bank Feeds (hcws) connection still PendingAuth, one pending account. */
  pendingBankFeed: {
    companyId: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a04',
    name: 'Bluebell Florists',
    merchantId: 'M-100004',
    accountingConnectionId: 'f2a3b4c5-d6e7-4f8a-9b0c-1d2e3f4a5b74',
    connectionId: 'f2a3b4c5-d6e7-4f8a-9b0c-1d2e3f4a5b75',
    sourceAccountIds: ['acc-001'],
  },
  /** A Linked Xero connection feeding two connected source accounts; one resolved 429 in its past. */
  bankFeedAccounts: {
    companyId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c05',
    name: 'Kestrel Joinery Ltd',
    merchantId: 'M-100005',
    connectionId: '1b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d85',
    sourceAccountIds: ['acc-001', 'acc-002'],
  },
  /** Created, never linked anything. */
  noConnections: {
    companyId: '2c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e06',
    name: 'Quayside Deli',
    merchantId: 'M-100006',
  },
} as const;
