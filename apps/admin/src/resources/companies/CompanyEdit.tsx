import { Box, Typography } from '@mui/material';
import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import { CompanyFormFields } from './CompanyFormFields';
import type { CompanyRecord } from './types';

function EditHeading() {
  const company = useRecordContext<CompanyRecord>();
  return (
    <Typography variant="h5" component="h1" gutterBottom>
      Edit {company?.name ?? 'company'}
    </Typography>
  );
}

function OtherTags() {
  const company = useRecordContext<CompanyRecord>();
  const count = Object.keys(company?.tags ?? {}).length - (company?.merchantId ? 1 : 0);
  if (count <= 0) return null;
  return (
    <Typography variant="body2" color="text.secondary">
      The company&apos;s other {count === 1 ? 'tag is' : `${count} tags are`} kept.
    </Typography>
  );
}

/** Edit name, merchant id and description; the BFF resends the full tag set to Codat. */
export function CompanyEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <Box sx={{ width: '100%', maxWidth: 640 }}>
          <EditHeading />
          <CompanyFormFields />
          <OtherTags />
        </Box>
      </SimpleForm>
    </Edit>
  );
}
