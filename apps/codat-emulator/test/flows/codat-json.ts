/** The parts of Codat's JSON the flows read. */
export interface DataConnectionError {
  statusCode: string;
  statusText: string;
  errorMessage: string;
  status?: string;
  resolvedOnUtc?: string;
}

export interface Connection {
  id: string;
  integrationKey: string;
  status: string;
  linkUrl: string;
  lastSync?: string;
  dataConnectionErrors?: DataConnectionError[];
}

export interface Company {
  id: string;
  name: string;
  redirect: string;
  lastSync?: string;
  dataConnections: Connection[];
}

export interface Paged<T> {
  results: T[];
  totalResults: number;
}

export interface PullOperation {
  id: string;
  connectionId: string;
  dataType: string;
  status: string;
  progress: number;
  isCompleted: boolean;
  completed?: string;
}

export interface DataStatus {
  dataType: string;
  currentStatus: string;
  lastSuccessfulSync?: string;
  latestSyncId?: string;
  latestSuccessfulSyncId?: string;
}

export interface SourceAccount {
  id: string;
  accountName: string | null;
  status: string | null;
}
