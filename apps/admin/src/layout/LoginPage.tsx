import { Alert, Box, Button, Card, CardContent, Divider, Stack, TextField, Typography } from '@mui/material';
import type { AuthConfig } from '@console/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useLogin, useNotify } from 'react-admin';
import { fetchAuthConfig } from '../providers/authProvider';

/** Password sign-in and, when configured, "Sign in with SSO". */
export function LoginPage() {
  const login = useLogin();
  const notify = useNotify();
  const [config, setConfig] = useState<AuthConfig>();
  const [configError, setConfigError] = useState<string>();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);

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
