import DeleteIcon from '@mui/icons-material/Delete';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Box, Button, Stack, Typography } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { EditButton, useCanAccess } from 'react-admin';
import { DateText } from '../../share/DateText';
import { visuallyHidden } from '../../ui/visuallyHidden';
import { PlatformPills } from './PlatformPills';
import { portalUrl, type CompanyRecord } from './types';

const DeleteCompanyDialog = lazy(() => import('./DeleteCompanyDialog').then((module) => ({ default: module.DeleteCompanyDialog })));

function DeleteCompanyButton({ company }: { company: CompanyRecord }) {
  const { canAccess } = useCanAccess({ resource: 'companies', action: 'delete' });
  const [open, setOpen] = useState(false);
  if (!canAccess) return null;
  return (
    <>
      <Button color="error" startIcon={<DeleteIcon />} onClick={() => setOpen(true)}>
        Delete company
      </Button>
      {open && (
        <Suspense fallback={null}>
          <DeleteCompanyDialog company={company} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

/** Whether Codat has confirmed the mirror's copy of the company shown. */
export type CodatCheck = 'checking' | 'confirmed' | 'unavailable';

/** How fresh the header is while it shows the mirror's copy. */
function Freshness({ company, codat }: { company: CompanyRecord; codat: CodatCheck }) {
  if (codat === 'confirmed' || !company.mirrorRefreshedAt) return null;
  return (
    <Typography variant="caption" color="text.secondary" component="p" role="status">
      As of the fleet mirror&apos;s sync <DateText value={company.mirrorRefreshedAt} />
      {codat === 'checking' ? '; checking with Codat…' : '; Codat could not be reached to confirm it.'}
    </Typography>
  );
}

/** The company's name, its connections at a glance, and what can be done with it. */
export function CompanyHeader({ company, codat }: { company: CompanyRecord; codat: CodatCheck }) {
  return (
    <Box sx={{ p: 2, display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start', justifyContent: 'space-between' }}>
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="h5" component="h1" sx={{ wordBreak: 'break-word' }}>
          {company.name}
        </Typography>
        {company.merchantId && (
          <Typography variant="body2" color="text.secondary">
            Merchant id {company.merchantId}
          </Typography>
        )}
        <Box sx={{ mt: 1 }}>
          <PlatformPills company={company} max={8} />
        </Box>
        <Freshness company={company} codat={codat} />
      </Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button href={portalUrl(company.id)} target="_blank" rel="noopener noreferrer" endIcon={<OpenInNewIcon />}>
          Open in Codat Portal
          <Box component="span" sx={visuallyHidden}>
            (opens in a new tab)
          </Box>
        </Button>
        <EditButton record={company} label="Edit" />
        <DeleteCompanyButton company={company} />
      </Stack>
    </Box>
  );
}
