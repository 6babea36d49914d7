import SearchIcon from '@mui/icons-material/Search';
import { Box, Chip, FormControlLabel, InputAdornment, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Empty } from '../../ui/ListStates';
import { PlatformLogo } from '../integrations/PlatformLogo';
import { SOURCE_TYPE_GROUPS, sourceTypeLabel, type IntegrationRecord } from '../integrations/types';

export interface IntegrationPickerProps {
  integrations: IntegrationRecord[];
  value: string | undefined;
  onChange: (key: string) => void;
}

function groupOf(integration: IntegrationRecord): string {
  return sourceTypeLabel(integration.sourceType);
}

/** Enabled integrations with their logos, grouped by source type, filtered as you type; one radio group for the keyboard. */
export function IntegrationPicker({ integrations, value, onChange }: IntegrationPickerProps) {
  const [search, setSearch] = useState('');
  const groups = useMemo(() => {
    const text = search.trim().toLowerCase();
    const matching = integrations.filter(
      (integration) => integration.enabled && (!text || integration.name.toLowerCase().includes(text) || integration.key.includes(text)),
    );
    const order = [...SOURCE_TYPE_GROUPS.map((group) => group.label), 'Other'];
    const byGroup = new Map<string, IntegrationRecord[]>();
    for (const integration of matching) byGroup.set(groupOf(integration), [...(byGroup.get(groupOf(integration)) ?? []), integration]);
    const rank = (group: string) => (order.includes(group) ? order.indexOf(group) : order.length);
    return [...byGroup.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  }, [integrations, search]);

  return (
    <Stack spacing={2}>
      <TextField
        label="Search integrations"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        size="small"
        autoFocus
        slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> } }}
      />
      {groups.length === 0 ? (
        <Empty>No enabled integration matches “{search}”.</Empty>
      ) : (
        <RadioGroup aria-label="Integration" value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
          {groups.map(([group, members]) => (
            <Box key={group} sx={{ mb: 1.5 }}>
              <Typography variant="overline" component="h3" color="text.secondary">
                {group}
              </Typography>
              <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 1 }}>
                {members.map((integration) => (
                  <FormControlLabel
                    key={integration.key}
                    value={integration.key}
                    control={<Radio size="small" />}
                    label={
                      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                        <PlatformLogo name={integration.name} logoUrl={integration.logoUrl} size={24} alt="" />
                        <span>{integration.name}</span>
                        {integration.isBeta && <Chip size="small" label="Beta" variant="outlined" />}
                      </Stack>
                    }
                  />
                ))}
              </Box>
            </Box>
          ))}
        </RadioGroup>
      )}
    </Stack>
  );
}
