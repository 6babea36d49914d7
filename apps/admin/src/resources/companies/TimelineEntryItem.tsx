import { Box, ListItem, Typography } from '@mui/material';
import { Link } from 'react-admin';
import { formatDateTime } from '../../ui/format';
import type { NoteRecord } from '../connection-error-groups/types';
import type { TimelineEntry } from './timelineTypes';

function describe(entry: TimelineEntry, platform: string): string {
  const error = `${entry.statusCode ?? ''} ${entry.statusText ?? ''}`.trim() || 'an error';
  switch (entry.kind) {
    case 'company.created':
      return 'Company created';
    case 'company.deleted':
      return 'Company deleted';
    case 'connection.created':
      return `${platform} connection created${entry.toStatus ? ` (${entry.toStatus})` : ''}`;
    case 'connection.status':
      return `${platform}: ${entry.fromStatus ?? 'unknown'} → ${entry.toStatus ?? 'unknown'}`;
    case 'connection.deleted':
      return `${platform} connection deleted`;
    case 'error.appeared':
      return `${platform} error: ${error}`;
    case 'error.resolved':
      return `${platform} error resolved: ${error}`;
    default:
      return entry.kind;
  }
}

/** One change in the company's history, with the notes on its error group. */
export function TimelineEntryItem({ entry, platform, notes }: { entry: TimelineEntry; platform: string; notes: NoteRecord[] }) {
  return (
    <ListItem disableGutters sx={{ display: 'block', borderBottom: 1, borderColor: 'divider' }}>
      <Typography variant="body2" component="div" sx={{ fontWeight: 500 }}>
        {describe(entry, platform)}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {formatDateTime(entry.occurredAt)}
        {entry.source === 'webhook' ? ' · from a Codat webhook' : ''}
        {entry.flags.includes('existedBeforeMirror') ? ' · existed before the mirror started' : ''}
      </Typography>
      {entry.errorMessage && (
        <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          {entry.errorMessage}
        </Typography>
      )}
      {entry.errorGroupId && entry.kind === 'error.appeared' && (
        <Typography variant="caption" component="div">
          <Link to={`/connection-error-groups/${entry.errorGroupId}/show`}>See everyone with this error</Link>
        </Typography>
      )}
      {notes.length > 0 && (
        <Box component="ul" aria-label="Notes on this error" sx={{ pl: 2, my: 0.5 }}>
          {notes.map((note) => (
            <Typography key={note.id} component="li" variant="caption">
              Note by {note.authorEmail ?? 'unknown'} ({formatDateTime(note.createdAt)}): {note.text}
            </Typography>
          ))}
        </Box>
      )}
    </ListItem>
  );
}
