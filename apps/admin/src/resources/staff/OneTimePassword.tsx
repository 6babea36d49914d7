import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId } from 'react';
import { CopyableText } from '../../ui/CopyableText';

/** A generated password, shown this once: the BFF keeps only its hash. */
export function OneTimePassword({ name, password, onClose }: { name: string; password: string; onClose: () => void }) {
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>Password for {name}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <Alert severity="warning">
          This password is shown once. Copy it now and give it to {name} over a secure channel; the console cannot show it again.
        </Alert>
        <DialogContentText component="div">
          <Box sx={{ fontSize: '1.1rem' }}>
            <CopyableText value={password} label="password" />
          </Box>
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          I have copied it
        </Button>
      </DialogActions>
    </Dialog>
  );
}
