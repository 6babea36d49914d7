import type { DataType } from '@console/codat-client';
import type { Role } from '@console/contracts';
import type { CompanyListFilter } from '../resources/companies/filter-matches.js';

export const JOB_KINDS = ['refresh'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ['queued', 'running', 'cancelled', 'completed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** `attempted`: written before Codat is called; still so after a crash until looked up in Codat. */
export const ITEM_STATUSES = ['pending', 'attempted', 'done', 'skipped', 'failed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];


/**
 * The companies a job acts on: an error group's, a list the staff member picked, or every company
 * matching the companies list's filter (kept on the job as it was asked, with how many it matched).
 */
export type JobSelection = { errorGroupId: string } | { companyIds: string[] } | { companyFilter: CompanyListFilter; matched?: number };

export interface RefreshParams {
  /** `all`: Codat's refresh-all (the "fetch on first link" types); otherwise these types. */
  dataTypes: 'all' | DataType[];
  selection: JobSelection;
}

export interface JobActor {
  id?: string;
  email?: string;
  role?: Role;
}

export interface Job {
  id: number;
  kind: JobKind;
  status: JobStatus;
  params: RefreshParams;
  createdAt: Date;
  createdBy: JobActor;
  startedAt: Date | null;
  finishedAt: Date | null;
  holder: string | null;
}

export interface JobItem {
  jobId: number;
  seq: number;
  companyId: string;
  companyName: string | null;
  connectionIds: string[];
  status: ItemStatus;
  reason: string | null;
  attemptedAt: Date | null;
  auditAttemptId: number | null;
  finishedAt: Date | null;
  result: Record<string, unknown> | null;
}

/** An item as it is to be created: the company and its Linked connections the job acts on. */
export type NewJobItem = Pick<JobItem, 'companyId' | 'companyName' | 'connectionIds'>;

export type ItemCounts = Record<ItemStatus, number> & { total: number };
