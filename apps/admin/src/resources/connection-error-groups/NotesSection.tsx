import { Alert, Box, Button, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useCanAccess } from 'react-admin';
import { httpClient } from '../../providers/httpClient';
import { formatDateTime } from '../../ui/format';
import { RequestError } from '../../ui/ListStates';
import type { NoteRecord } from './types';

interface NotesSectionProps {
  targetType: NoteRecord['targetType'];
  targetId: string;
  notes: NoteRecord[];
  /** Heading level of the section title, to keep headings in order where it is mounted. */
  headingComponent?: 'h2' | 'h3' | 'h4';
}

/** Staff notes on an error group or a connection, newest first; support and admins may add one (append-only, audited). */
export function NotesSection({ targetType, targetId, notes, headingComponent = 'h2' }: NotesSectionProps) {
  const { canAccess: canWrite } = useCanAccess({ resource: 'notes', action: 'create' });
  const [added, setAdded] = useState<NoteRecord[]>([]);
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const all = [...added, ...notes];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setSaving(true);
    setError(undefined);
    try {
      const response = await httpClient<NoteRecord>('/api/notes', { method: 'POST', body: JSON.stringify({ targetType, targetId, text: text.trim() }) });
      setAdded((previous) => [response.json, ...previous]);
      setText('');
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box component="section" aria-label="Notes" sx={{ mt: 2 }}>
      <Typography variant="h6" component={headingComponent}>
        Notes
      </Typography>
      {all.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No notes yet.
        </Typography>
      ) : (
        <List dense>
          {all.map((note) => (
            <ListItem key={note.id} disableGutters>
              <ListItemText primary={note.text} secondary={`${note.authorEmail ?? 'Unknown author'}, ${formatDateTime(note.createdAt)}`} />
            </ListItem>
          ))}
        </List>
      )}
      {canWrite && (
        <Box component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 1, maxWidth: 560 }}>
          <TextField
            label="New note"
            value={text}
            onChange={(event) => setText(event.target.value)}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
            helperText="Notes are kept for everyone to see and cannot be edited later."
          />
          {error != null && <RequestError title="The note was not saved" error={error} />}
          {added.length > 0 && !error && <Alert severity="success">Note added.</Alert>}
          <Box>
            <Button type="submit" variant="contained" disabled={saving || !text.trim()}>
              {saving ? 'Saving…' : 'Add note'}
            </Button>
          </Box>
        </Box>
      )}
    </Box>
  );
}
