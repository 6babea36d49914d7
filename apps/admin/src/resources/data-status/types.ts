/** Where a company's latest read of one data type stands: `GET /api/data-status?filter={companyId}`. */
export interface DataStatusRecord {
  /** `<companyId>.<dataType>` */
  id: string;
  companyId: string;
  dataType: string;
  currentStatus?: string;
  lastSuccessfulSync?: string;
  latestSyncId?: string;
  latestSuccessfulSyncId?: string;
  running: boolean;
}
