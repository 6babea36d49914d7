import { Box, List, ListItem, Typography } from '@mui/material';
import { PlatformPills } from '../resources/companies/PlatformPills';
import type { CompanyRecord } from '../resources/companies/types';

export const optionId = (id: string) => `global-search-option-${id}`;

export interface SearchResultsProps {
  id: string;
  companies: CompanyRecord[];
  active: number;
  onPick: (company: CompanyRecord) => void;
  onHover: (index: number) => void;
}

/** The listbox of the search combobox: name, merchant id and connections of each company found. */
export function SearchResults({ id, companies, active, onPick, onHover }: SearchResultsProps) {
  return (
    <List id={id} role="listbox" aria-label="Companies found" dense sx={{ py: 0 }}>
      {companies.map((company, index) => (
        <ListItem
          key={company.id}
          id={optionId(company.id)}
          role="option"
          aria-selected={index === active}
          onClick={() => onPick(company)}
          onMouseMove={() => onHover(index)}
          sx={{
            cursor: 'pointer',
            borderRadius: 1,
            display: 'block',
            bgcolor: index === active ? 'action.selected' : undefined,
            outline: index === active ? '2px solid' : undefined,
            outlineColor: 'primary.main',
            outlineOffset: -2,
          }}
        >
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
            <Typography sx={{ fontWeight: 600 }}>{company.name}</Typography>
            {company.merchantId && (
              <Typography variant="body2" color="text.secondary">
                Merchant id {company.merchantId}
              </Typography>
            )}
          </Box>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
            {company.id}
          </Typography>
          <PlatformPills company={company} max={3} />
        </ListItem>
      ))}
    </List>
  );
}
