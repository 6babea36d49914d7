import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { sessionFor, signedOut } from '../test/handlers/auth';
import { renderApp } from '../test/renderApp';

describe('LoginPage', () => {
  it('signs in with email and password', async () => {
    let signedIn = false;
    renderApp('/login', {
      handlers: [
      http.get('*/api/auth/session', () => HttpResponse.json(signedIn ? { signedIn, ...sessionFor('support') } : { signedIn })),
      http.post('*/api/auth/login', async ({ request }) => {
        const body = (await request.json()) as { email: string; password: string };
        if (body.password !== 'right') return HttpResponse.json({ error: { code: 'invalid_credentials', message: 'Email or password is wrong.', requestId: 'req-1' } }, { status: 401 });
        signedIn = true;
        return HttpResponse.json(sessionFor('support'));
      }),
      ],
    });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'support@console.test');
    await user.type(screen.getByLabelText(/^Password/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Email or password is wrong.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText(/^Password/));
    await user.type(screen.getByLabelText(/^Password/), 'right');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByText('Support')).toBeInTheDocument());
  });

  it('offers SSO when it is configured and password sign-in is off', async () => {
    renderApp('/login', {
      handlers: [signedOut(), http.get('*/api/auth/config', () => HttpResponse.json({ password: false, sso: true, ssoLabel: 'Sign in with Okta' }))],
    });
    expect(await screen.findByRole('link', { name: 'Sign in with Okta' })).toHaveAttribute('href', '/api/auth/sso/start');
    expect(screen.queryByLabelText(/password/i)).not.toBeInTheDocument();
  });

  it('explains why single sign-on sent the user back', async () => {
    window.history.replaceState(null, '', '/login?sso_error=no_role');
    renderApp('/login', { handlers: [signedOut()] });
    expect(await screen.findByText(/none of your groups gives access/)).toBeInTheDocument();
    window.history.replaceState(null, '', '/');
  });
});
