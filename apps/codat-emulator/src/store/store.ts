import type {
  BankFeedCredentials,
  CompanyRecord,
  ConnectionRecord,
  DatasetRecord,
  SourceAccountRecord,
} from './types.js';

/**
 * All emulator state, in memory. Routes and domain modules read and write these maps directly;
 * the store only keeps the indexes consistent.
 */
export class Store {
  readonly companies = new Map<string, CompanyRecord>();
  /** Company ids in creation order: the default list order. */
  companyOrder: string[] = [];
  readonly connections = new Map<string, ConnectionRecord>();
  /** Datasets per company, oldest first. */
  readonly datasets = new Map<string, DatasetRecord[]>();
  readonly datasetsById = new Map<string, DatasetRecord>();
  /** Datasets not yet settled; small, scanned on every tick. */
  readonly pendingDatasets = new Set<DatasetRecord>();
  /** Source accounts per connection id, in creation order. */
  readonly sourceAccounts = new Map<string, SourceAccountRecord[]>();
  readonly credentials = new Map<string, BankFeedCredentials[]>();

  clear(): void {
    this.companies.clear();
    this.companyOrder = [];
    this.connections.clear();
    this.datasets.clear();
    this.datasetsById.clear();
    this.pendingDatasets.clear();
    this.sourceAccounts.clear();
    this.credentials.clear();
  }

  addCompany(company: CompanyRecord): void {
    this.companies.set(company.id, company);
    this.companyOrder.push(company.id);
  }

  deleteCompany(company: CompanyRecord): void {
    for (const connectionId of company.connectionIds) this.forgetConnection(connectionId);
    for (const dataset of this.datasets.get(company.id) ?? []) {
      this.datasetsById.delete(dataset.id);
      this.pendingDatasets.delete(dataset);
    }
    this.datasets.delete(company.id);
    this.companies.delete(company.id);
    const index = this.companyOrder.indexOf(company.id);
    if (index >= 0) this.companyOrder.splice(index, 1);
  }

  addConnection(connection: ConnectionRecord): void {
    this.connections.set(connection.id, connection);
    this.companies.get(connection.companyId)?.connectionIds.push(connection.id);
  }

  deleteConnection(connection: ConnectionRecord): void {
    const company = this.companies.get(connection.companyId);
    if (company) company.connectionIds = company.connectionIds.filter((id) => id !== connection.id);
    this.forgetConnection(connection.id);
  }

  /** Connections of a company, in creation order. */
  connectionsOf(company: CompanyRecord): ConnectionRecord[] {
    const result: ConnectionRecord[] = [];
    for (const id of company.connectionIds) {
      const connection = this.connections.get(id);
      if (connection) result.push(connection);
    }
    return result;
  }

  addDataset(dataset: DatasetRecord): void {
    let list = this.datasets.get(dataset.companyId);
    if (!list) this.datasets.set(dataset.companyId, (list = []));
    list.push(dataset);
    this.datasetsById.set(dataset.id, dataset);
    if (!dataset.settled) this.pendingDatasets.add(dataset);
  }

  private forgetConnection(connectionId: string): void {
    this.connections.delete(connectionId);
    this.sourceAccounts.delete(connectionId);
    this.credentials.delete(connectionId);
  }
}
