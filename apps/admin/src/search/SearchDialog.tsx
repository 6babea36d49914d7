import { Alert, Box, Dialog, DialogContent, DialogTitle, LinearProgress, TextField, Typography } from '@mui/material';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useCreatePath, useGetList, useNavigate } from 'react-admin';
import type { CompanyRecord } from '../resources/companies/types';
import { RequestError } from '../ui/ListStates';
import { parseSearch } from './searchText';
import { optionId, SearchResults } from './SearchResults';
import { useDebounced } from './useDebounced';

const SHOWN = 8;

/**
 * Find a company by name, company id, connection id, merchant id or pasted Portal URL; results as
 * you type (debounced), arrow keys and Enter to open one. An ARIA combobox with a listbox.
 */
export function SearchDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const listId = useId();
  const [input, setInput] = useState('');
  const [active, setActive] = useState(0);
  const parsed = parseSearch(input);
  const term = useDebounced(parsed.term, 250);
  const settled = term === parsed.term;
  const createPath = useCreatePath();
  const navigate = useNavigate();
  const { data, total, isFetching, error } = useGetList<CompanyRecord>(
    'companies',
    { filter: { q: term }, pagination: { page: 1, perPage: SHOWN }, sort: { field: 'name', order: 'ASC' } },
    { enabled: term !== '', retry: false },
  );
  const companies = term !== '' && settled ? (data ?? []) : [];
  useEffect(() => setActive(0), [term]);

  const open = (company: CompanyRecord) => {
    onClose();
    navigate(createPath({ resource: 'companies', id: company.id, type: 'show' }));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (companies.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + companies.length) % companies.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const company = companies[Math.min(active, companies.length - 1)];
      if (company) open(company);
    }
  };

  const busy = parsed.term !== '' && (!settled || isFetching);
  let status = '';
  if (parsed.term && settled && !isFetching && !error) {
    status =
      companies.length === 0
        ? `No company matches “${parsed.term}”.`
        : `${total ?? companies.length} ${total === 1 ? 'company' : 'companies'} found${total !== undefined && total > companies.length ? `, showing the first ${companies.length}` : ''}. Use the arrow keys and Enter to open one.`;
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm" sx={{ '& .MuiDialog-container': { alignItems: 'flex-start' } }}>
      <DialogTitle id={titleId}>Find a company</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          label="Name, company id, connection id, merchant id or Portal URL"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          onKeyDown={onKeyDown}
          sx={{ mt: 1 }}
          slotProps={{
            htmlInput: {
              role: 'combobox',
              'aria-autocomplete': 'list',
              'aria-expanded': companies.length > 0,
              'aria-controls': listId,
              'aria-activedescendant': companies[active] ? optionId(companies[active].id) : undefined,
              autoComplete: 'off',
              spellCheck: false,
            },
          }}
          helperText={parsed.fromUrl ? `Company id from the URL: ${parsed.fromUrl}` : ' '}
        />
        <Box sx={{ height: 4 }}>{busy && <LinearProgress aria-label="Searching" />}</Box>
        {parsed.problem && <Alert severity="warning">{parsed.problem}</Alert>}
        {error != null && settled && (
          <RequestError title="The search failed" error={error} />
        )}
        <Typography role="status" variant="body2" color="text.secondary" sx={{ my: 1 }}>
          {status}
        </Typography>
        {companies.length > 0 && <SearchResults id={listId} companies={companies} active={active} onPick={open} onHover={setActive} />}
      </DialogContent>
    </Dialog>
  );
}
