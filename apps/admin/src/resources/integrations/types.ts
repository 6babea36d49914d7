/** The BFF's integration record; `id` is the platform key. */
export interface IntegrationRecord {
  id: string;
  key: string;
  name: string;
  logoUrl: string;
  sourceType: string | null;
  enabled: boolean;
  isBeta?: boolean;
  sandbox?: boolean | null;
}

/** Codat's source types, in the order the console groups them, with the words staff read. */
export const SOURCE_TYPE_GROUPS: readonly { value: string; label: string }[] = [
  { value: 'Accounting', label: 'Accounting' },
  { value: 'BankFeed', label: 'Bank feeds' },
  { value: 'Banking', label: 'Banking' },
  { value: 'Commerce', label: 'Commerce' },
];

export function sourceTypeLabel(sourceType: string | null | undefined): string {
  const known = SOURCE_TYPE_GROUPS.find((group) => group.value.toLowerCase() === sourceType?.toLowerCase());
  return known?.label ?? (sourceType || 'Other');
}
