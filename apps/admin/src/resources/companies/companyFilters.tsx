import SearchIcon from '@mui/icons-material/Search';
import { InputAdornment } from '@mui/material';
import { SelectInput, TextInput } from 'react-admin';
import { CONNECTION_STATUS_CHOICES } from '../connections/StatusPill';
import { PlatformFilterInput } from '../integrations/PlatformFilterInput';

export const STATUS_FILTER_CHOICES = [...CONNECTION_STATUS_CHOICES, { id: 'NoConnections', name: 'No connections' }];

/** Search, status and platform; react-admin keeps them (with sort and page) in the URL. */
export const companyFilters = [
  <TextInput
    key="q"
    source="q"
    label="Search companies"
    alwaysOn
    helperText={false}
    resettable
    placeholder="Name, id or merchant id"
    sx={{ minWidth: 320 }}
    slotProps={{
      input: {
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon fontSize="small" />
          </InputAdornment>
        ),
      },
    }}
  />,
  <SelectInput
    key="status"
    source="status"
    label="Connection status"
    choices={STATUS_FILTER_CHOICES}
    emptyText="Any status"
    alwaysOn
    helperText={false}
    sx={{ minWidth: 200 }}
  />,
  <PlatformFilterInput key="platform" source="platform" alwaysOn />,
];
