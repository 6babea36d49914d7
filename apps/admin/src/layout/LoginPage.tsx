import { Alert, Box, Button, Card, CardContent, Divider, Stack, TextField, Typography } from '@mui/material';
import type { AuthConfig } from '@console/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useLogin, useNotify } from 'react-admin';
import { fetchAuthConfig } from '../providers/authProvider';

/** Why the BFF sent the browser back from single sign-on (`/login?sso_error=…`). */
const SSO_ERRORS: Record<string, string> = {
  expired: 'The single sign-on attempt took too long or was already used. Try again.',
  provider: 'The sign-on provider reported a problem. Try again, or ask an admin.',
  no_email: 'The sign-on provider did not share your email address, so the console cannot identify you.',
  no_role: 'You signed in, but none of your groups gives access to the console. Ask an admin for a role.',
  disabled: 'Your console account is disabled. Ask an admin to enable it.',
};

/** Password sign-in and, when configured, "Sign in with SSO". */
export function LoginPage() {
  const login = useLogin();
  const notify = useNotify();
  const [config, setConfig] = useState<AuthConfig>();
  const [configError, setConfigError] = useState<string>();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const ssoError = new URLSearchParams(window.location.search).get('sso_error');

  useEffect(() => {
    fetchAuthConfig().then(setConfig, (error: Error) => setConfigError(error.message));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    try {
      await login({ username: email, password });
    } catch (error) {
      notify((error as Error).message || 'Sign-in failed.', { type: 'error' });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'grey.100' }}>
      <Card sx={{ width: 380 }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            Codat Ops Console
          </Typography>
          {configError && <Alert severity="error">{configError}</Alert>}
          {ssoError && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {SSO_ERRORS[ssoError] ?? 'Single sign-on failed. Try again.'}
            </Alert>
          )}
          {config?.password !== false && (
            <Stack component="form" spacing={2} onSubmit={submit} aria-label="Sign in with email and password">
              <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
              <TextField label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
              <Button type="submit" variant="contained" disabled={submitting}>
                {submitting ? 'Signing in…' : 'Sign in'}
              </Button>
            </Stack>
          )}
          {config?.sso && (
            <>
              {config.password && <Divider sx={{ my: 2 }}>or</Divider>}
              <Button fullWidth variant="outlined" href="/api/auth/sso/start">
                {config.ssoLabel ?? 'Sign in with SSO'}
              </Button>
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
