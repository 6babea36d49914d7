/** Audit action names in words, for the user who started the action. */
const ACTIONS: Record<string, string> = {
  'company.create': 'Create company',
  'company.update': 'Edit company',
  'company.delete': 'Delete company',
  'connection.create': 'Create connection',
  'connection.delete': 'Delete connection',
  'connection.unlink': 'Unlink connection',
  'source-account.create': 'Create source account',
  'source-account.create-batch': 'Create source accounts',
  'source-account.update': 'Edit source account',
  'source-account.delete': 'Delete source account',
  'data.refresh-all': 'Refresh all data',
  'data.refresh': 'Refresh a data type',
};

export const describeAction = (action: string) => ACTIONS[action] ?? action;
