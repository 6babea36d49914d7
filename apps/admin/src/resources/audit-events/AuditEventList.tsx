import type { AuditEventRecord } from '@console/contracts';
import { Typography } from '@mui/material';
import { Datagrid, FunctionField, List, TopToolbar, useListContext } from 'react-admin';
import { CopyableText } from '../../ui/CopyableText';
import { visuallyHidden } from '../../ui/visuallyHidden';
import { Loading, RequestError } from '../../ui/ListStates';
import { AuditAction, AuditActor, AuditOutcomeCell, AuditTarget, AuditTime } from './AuditCells';
import { AuditExportButton } from './AuditExportButton';
import { auditFilters } from './auditFilters';
import { AUDIT_LIST } from './listDefaults';

function ListError() {
  const { error, refetch } = useListContext();
  return <RequestError title="Could not load the audit log" error={error} onRetry={() => void refetch()} />;
}

const NoEntries = () => (
  <Typography variant="body1" sx={{ p: 3 }}>
    No audit entries yet. Sign-ins, URL reveals and every change made through the console are recorded here.
  </Typography>
);

const NoMatch = () => (
  <Typography variant="body2" sx={{ p: 2 }}>
    No entries match these filters. Widen the time range or clear a filter.
  </Typography>
);

/** Datagrid's own loading skeleton has no words; this says what is loading. */
function AuditGrid({ children }: { children: React.ReactNode }) {
  const { isPending } = useListContext();
  if (isPending) return <Loading label="Loading the audit log…" />;
  return (
    <Datagrid bulkActionButtons={false} rowClick={false} empty={<NoMatch />}>
      {children}
    </Datagrid>
  );
}

/** The audit log: who did what to which customer, when, and how it ended. */
export function AuditEventList() {
  return (
    <>
      <Typography component="h1" sx={visuallyHidden}>
        Audit log
      </Typography>
      <List
        title="Audit log"
        filters={auditFilters}
        {...AUDIT_LIST}
        actions={
          <TopToolbar>
            <AuditExportButton />
          </TopToolbar>
        }
        empty={<NoEntries />}
        error={<ListError />}
      >
        <AuditGrid>
          <FunctionField<AuditEventRecord> label="Time" source="at" render={(record) => <AuditTime record={record} />} />
          <FunctionField<AuditEventRecord> label="Who" source="actorEmail" sortable={false} render={(record) => <AuditActor record={record} />} />
          <FunctionField<AuditEventRecord> label="Action" source="action" sortable={false} render={(record) => <AuditAction record={record} />} />
          <FunctionField<AuditEventRecord> label="Target" source="companyId" sortable={false} render={(record) => <AuditTarget record={record} />} />
          <FunctionField<AuditEventRecord> label="Outcome" source="outcome" sortable={false} render={(record) => <AuditOutcomeCell record={record} />} />
          <FunctionField<AuditEventRecord> label="Request id" source="requestId" sortable={false} render={(record) => <CopyableText value={record.requestId} label="request id" />} />
          <FunctionField<AuditEventRecord>
            label="Codat correlation id"
            source="codatCorrelationId"
            sortable={false}
            render={(record) => <CopyableText value={record.codatCorrelationId} label="Codat correlation id" />}
          />
        </AuditGrid>
      </List>
    </>
  );
}

export default AuditEventList;
