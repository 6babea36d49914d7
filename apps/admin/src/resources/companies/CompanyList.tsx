import { Alert, Box, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import { CreateButton, DataTable, Link, List, Pagination, TopToolbar, useCreatePath, useListContext } from 'react-admin';
import { DateText } from '../../share/DateText';
import { visuallyHidden } from '../../ui/visuallyHidden';
import { Loading } from '../../ui/ListStates';
import { CompanyBulkActions } from './CompanyBulkActions';
import { companyFilters } from './companyFilters';
import { CompaniesError, NoCompanies, NoMatchingCompanies } from './CompanyListStates';
import { PlatformPills } from './PlatformPills';
import type { ListMeta } from '../../providers/dataProvider';
import type { CompanyRecord } from './types';
import { COMPANY_LIST } from './listDefaults';

function CompanyNameLink({ company }: { company: CompanyRecord }) {
  const createPath = useCreatePath();
  return (
    <Link
      to={createPath({ resource: 'companies', id: company.id, type: 'show' })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      sx={{ fontWeight: 500 }}
    >
      {company.name}
    </Link>
  );
}

function CompanyTable() {
  const { isPending, meta } = useListContext<CompanyRecord>();
  const searchCap = (meta as ListMeta | undefined)?.searchCap;
  return (
    <>
      <Typography variant="h4" component="h1" sx={visuallyHidden}>
        Companies
      </Typography>
      {searchCap !== undefined && (
        <Alert severity="info" sx={{ m: 1 }}>
          More than {searchCap.toLocaleString('en-GB')} companies match: showing the first {searchCap.toLocaleString('en-GB')}. Type more of the
          name, paste an id, or add a filter to narrow the search.
        </Alert>
      )}
      <CompanyBulkActions />
      {isPending ? (
        <Box sx={{ px: 2 }}>
          <Loading label="Loading companies…" />
        </Box>
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false} empty={<NoMatchingCompanies />}>
          <DataTable.Col source="name" label="Name" render={(company: CompanyRecord) => <CompanyNameLink company={company} />} />
          <DataTable.Col source="merchantId" label="Merchant id" disableSort render={(company: CompanyRecord) => company.merchantId ?? '—'} />
          <DataTable.Col label="Platforms" disableSort render={(company: CompanyRecord) => <PlatformPills company={company} />} />
          <DataTable.Col source="lastSync" label="Last sync" sortByOrder="DESC" render={(company: CompanyRecord) => <DateText value={company.lastSync} />} />
          <DataTable.Col source="created" label="Created" sortByOrder="DESC" render={(company: CompanyRecord) => <DateText value={company.created} format="date" />} />
        </DataTable>
      )}
    </>
  );
}

function CompanyListActions() {
  return (
    <TopToolbar>
      <CreateButton label="New company" />
    </TopToolbar>
  );
}

/**
 * Companies, searchable and filterable by status and platform; filters, sort and page live in
 * the URL so a view can be pasted into a ticket. Paged by the BFF (Content-Range), never loaded whole.
 */
export function CompanyList() {
  return (
    <List
      title="Companies"
      filters={companyFilters}
      {...COMPANY_LIST}
      actions={<CompanyListActions />}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />}
      empty={<NoCompanies />}
      error={<CompaniesError />}
      // The error is shown in the list, with its request id; no second copy in a toast.
      queryOptions={{ onError: () => undefined }}
    >
      <Box>
        <CompanyTable />
      </Box>
    </List>
  );
}
