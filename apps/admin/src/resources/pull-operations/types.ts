/** A pull operation (Codat dataset) as the BFF sends it: `GET /api/pull-operations`. */
export interface PullOperationRecord {
  /** `<companyId>.<datasetId>` */
  id: string;
  datasetId: string;
  companyId: string;
  connectionId: string;
  dataType: string;
  status: string;
  statusDescription?: string;
  errorMessage?: string;
  requested: string;
  completed?: string;
  progress: number;
  isCompleted: boolean;
  isErrored: boolean;
  /** Not finished yet. */
  running: boolean;
  durationMs?: number;
}

/** `GET /api/companies/:id/sync-progress` */
export interface SyncProgress {
  companyId: string;
  anyRunning: boolean;
  running: PullOperationRecord[];
  lastSync?: string;
}
