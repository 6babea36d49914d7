import { Box, TableCell, TableRow, Typography } from '@mui/material';
import { Link } from 'react-admin';
import { DateText } from '../../share/DateText';
import { groupMessage } from './groupMessage';
import { IncidentBadge } from './IncidentBadge';
import { Sparkline } from './Sparkline';
import type { ErrorGroupRecord } from './types';

export const groupTitle = (group: Pick<ErrorGroupRecord, 'platformName' | 'platformKey' | 'statusCode' | 'statusText'>) =>
  `${group.platformName ?? group.platformKey ?? 'Unknown platform'}: ${group.statusCode ?? 'no code'} ${group.statusText ?? ''}`.trim();

/** The status text once, and Codat's message under it where it adds something. */
export function GroupMessage({ group }: { group: Pick<ErrorGroupRecord, 'statusText' | 'sampleMessage'> }) {
  const { text, detail } = groupMessage(group);
  return (
    <>
      <Typography variant="body2">{text}</Typography>
      {detail && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', maxWidth: 360, overflowWrap: 'anywhere' }}>
          {detail}
        </Typography>
      )}
    </>
  );
}

/** One error group: where, what, how many, since when, the trend, and whether it looks like an incident. */
export function ErrorGroupRow({ group }: { group: ErrorGroupRecord }) {
  return (
    <TableRow hover>
      <TableCell>
        <Link to={`/connection-error-groups/${group.id}/show`}>{group.platformName ?? group.platformKey ?? 'Unknown platform'}</Link>
        {group.probableIncident && (
          <Box sx={{ mt: 0.5 }}>
            <IncidentBadge recent={group.recentCompanies} baseline={group.baselineCompaniesPerDay} />
          </Box>
        )}
      </TableCell>
      <TableCell>{group.statusCode ?? '—'}</TableCell>
      <TableCell>
        <GroupMessage group={group} />
      </TableCell>
      <TableCell align="right">{group.connections}</TableCell>
      <TableCell align="right">{group.companies}</TableCell>
      <TableCell>
        <DateText value={group.firstSeen} empty="—" />
      </TableCell>
      <TableCell>
        <DateText value={group.lastSeen} empty="—" />
      </TableCell>
      <TableCell>
        <Sparkline trend={group.trend} />
      </TableCell>
      <TableCell align="right">{group.notes.length}</TableCell>
    </TableRow>
  );
}
