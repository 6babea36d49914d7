import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Box, Button, Typography } from '@mui/material';
import { Link, Title } from 'react-admin';

/** The one page every screen a role may not use shows, decided before any request is made. */
export function AccessDeniedPage() {
  return (
    <Box sx={{ maxWidth: 560, mx: 'auto', my: 6, textAlign: 'center' }}>
      <Title title="Access denied" />
      <LockOutlinedIcon color="action" sx={{ fontSize: 48 }} aria-hidden />
      <Typography variant="h5" component="h1" gutterBottom>
        Access denied
      </Typography>
      <Typography variant="body1" color="text.secondary" sx={{ mb: 3 }}>
        Your role does not include this screen. If you need it for your work, ask an admin to change your role.
      </Typography>
      <Button component={Link} to="/" variant="contained">
        Back to the dashboard
      </Button>
    </Box>
  );
}
