import { SelectInput } from 'react-admin';
import { useIntegrations } from './useIntegrations';

/** A list filter on the platform, chosen by name from the integrations list (cached by the BFF); the filter holds its key. */
export function PlatformFilterInput({ source }: { source: string; alwaysOn?: boolean }) {
  const { integrations, isPending, error } = useIntegrations();
  return (
    <SelectInput
      source={source}
      label="Platform"
      choices={integrations.map((integration) => ({ id: integration.key, name: integration.name }))}
      isPending={isPending}
      emptyText="Any platform"
      helperText={error ? `Platforms could not be loaded: ${error.message}` : false}
      sx={{ minWidth: 200 }}
    />
  );
}
