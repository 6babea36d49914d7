import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CASEY_ID, LAST_ADMIN_MESSAGE, staffRecords } from '../../test/fixtures/staff';
import { staffFail, staffHandlers, staffHang } from '../../test/handlers/staff';
import { renderApp } from '../../test/renderApp';

const row = async (name: string) => (await screen.findByText(name, {}, { timeout: 5000 })).closest('tr')!;

describe('Staff', () => {
  beforeEach(() => localStorage.clear());

  it('lists staff with role, status, last sign-in and how they sign in', async () => {
    renderApp('/staff', { handlers: staffHandlers().handlers });
    const casey = await row('Casey Success');
    expect(casey).toHaveTextContent('cs@console.test');
    expect(casey).toHaveTextContent('Customer success');
    expect(casey).toHaveTextContent('Active');
    expect(casey).toHaveTextContent('Never');
    expect(await row('Sam Support')).toHaveTextContent('SSO');
    expect(within(await row('Sam Support')).queryByRole('button', { name: /Reset password/ })).not.toBeInTheDocument();
    const olly = await row('Olly Former');
    expect(olly).toHaveTextContent('Disabled');
    expect(within(olly).getByRole('button', { name: 'Enable Olly Former' })).toBeInTheDocument();
    expect(within(await row('Test admin')).getByRole('button', { name: 'Disable Test admin' })).toBeDisabled();
  });

  it('adds a staff member with a generated password, shown once', async () => {
    const api = staffHandlers();
    renderApp('/staff', { handlers: api.handlers });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add staff member' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a staff member' });
    await user.click(within(dialog).getByRole('button', { name: 'Add staff member' }));
    expect(within(dialog).getByText('Enter an email address such as jo@example.com.')).toBeInTheDocument();
    expect(api.calls.create).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'new@console.test');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Nico New');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Role' }), 'support');
    await user.click(within(dialog).getByRole('button', { name: 'Add staff member' }));

    const shown = await screen.findByRole('dialog', { name: 'Password for Nico New' });
    expect(shown).toHaveTextContent('Gen-Pass-7731-abc');
    expect(shown).toHaveTextContent('This password is shown once');
    expect(api.calls.create[0]).toEqual({ email: 'new@console.test', name: 'Nico New', role: 'support' });
    await user.click(within(shown).getByRole('button', { name: 'I have copied it' }));
    await waitFor(() => expect(screen.queryByText('Gen-Pass-7731-abc')).not.toBeInTheDocument());
    expect(await row('Nico New')).toHaveTextContent('Support');
  });

  it('adds a staff member with a password set by the admin, and shows the BFF’s refusal of a duplicate', async () => {
    const api = staffHandlers();
    renderApp('/staff', { handlers: api.handlers });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add staff member' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a staff member' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'cs@console.test');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Casey Again');
    await user.click(within(dialog).getByRole('radio', { name: 'Set a password myself' }));
    await user.type(within(dialog).getByLabelText(/^Initial password/), 'correct horse battery');
    await user.click(within(dialog).getByRole('button', { name: 'Add staff member' }));
    expect(await within(dialog).findByText('There is already an account for cs@console.test.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Copy request id req-staff-409' })).toBeInTheDocument();
    expect(api.calls.create[0]).toMatchObject({ password: 'correct horse battery' });
  });

  it('disables an account after saying what that does', async () => {
    const api = staffHandlers();
    renderApp('/staff', { handlers: api.handlers });
    const user = userEvent.setup();
    await user.click(within(await row('Casey Success')).getByRole('button', { name: 'Disable Casey Success' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disable Casey Success?' });
    expect(dialog).toHaveTextContent('cannot sign in until an admin enables the account again');
    await user.click(within(dialog).getByRole('button', { name: 'Disable' }));
    await waitFor(async () => expect(await row('Casey Success')).toHaveTextContent('Disabled'));
    expect(api.calls.update[0]).toMatchObject({ id: CASEY_ID, body: { disabled: true, email: 'cs@console.test' } });
  });

  it('shows the BFF’s message when a change would leave no admin', async () => {
    renderApp('/staff', { handlers: staffHandlers().handlers });
    const user = userEvent.setup();
    await user.click(within(await row('Test admin')).getByRole('button', { name: 'Change role of Test admin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the role of Test admin' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'New role' }), 'finance');
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));
    expect(await within(dialog).findByText('The role was not changed')).toBeInTheDocument();
    expect(within(dialog).getByText(LAST_ADMIN_MESSAGE)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Copy request id req-last-admin' })).toBeInTheDocument();
  });

  it('changes a role', async () => {
    const api = staffHandlers();
    renderApp('/staff', { handlers: api.handlers });
    const user = userEvent.setup();
    await user.click(within(await row('Casey Success')).getByRole('button', { name: 'Change role of Casey Success' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the role of Casey Success' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'New role' }), 'support');
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));
    await waitFor(async () => expect(await row('Casey Success')).toHaveTextContent('Support'));
    expect(api.calls.update[0]).toMatchObject({ id: CASEY_ID, body: { role: 'support' } });
  });

  it('resets a password and shows the new one once', async () => {
    const api = staffHandlers();
    renderApp('/staff', { handlers: api.handlers });
    const user = userEvent.setup();
    await user.click(within(await row('Casey Success')).getByRole('button', { name: 'Reset password of Casey Success' }));
    await user.click(within(await screen.findByRole('dialog', { name: /Reset the password/ })).getByRole('button', { name: 'Reset password' }));
    expect(await screen.findByRole('dialog', { name: 'Password for Casey Success' })).toHaveTextContent('Reset-Pass-4821-xyz');
    expect(api.calls.reset).toEqual([CASEY_ID]);
  });

  it('unlocks an account locked by failed sign-ins', async () => {
    const api = staffHandlers(staffRecords.map((r) => (r.id === CASEY_ID ? { ...r, signInLockedUntil: '2026-05-03T08:15:00.000Z' } : r)));
    renderApp('/staff', { handlers: api.handlers });
    const user = userEvent.setup();
    expect(within(await row('Sam Support')).queryByRole('button', { name: /Unlock/ })).not.toBeInTheDocument();
    await user.click(within(await row('Casey Success')).getByRole('button', { name: 'Unlock sign-in for Casey Success' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Unlock sign-in for Casey Success?' })).getByRole('button', { name: 'Unlock' }));
    await waitFor(async () => expect(within(await row('Casey Success')).queryByRole('button', { name: /Unlock/ })).not.toBeInTheDocument());
    expect(api.calls.unlock).toEqual([CASEY_ID]);
  });

  it('searches by name or email', async () => {
    renderApp('/staff', { handlers: staffHandlers().handlers });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Search name or email' }, { timeout: 5000 }), 'sam@');
    await waitFor(() => expect(screen.queryByText('Casey Success')).not.toBeInTheDocument());
    expect(screen.getByText('Sam Support')).toBeInTheDocument();
  });

  it('shows loading and error states', async () => {
    const { unmount } = renderApp('/staff', { handlers: staffHang() });
    expect(await screen.findByText('Loading staff accounts…', {}, { timeout: 5000 })).toBeInTheDocument();
    unmount();
    renderApp('/staff', { handlers: staffFail() });
    expect(await screen.findByText('The staff directory could not be read.', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy request id req-staff-500' })).toBeInTheDocument();
  });

  it('is for admins only', async () => {
    const api = staffHandlers();
    renderApp('/staff', { role: 'support', handlers: api.handlers });
    expect(await screen.findByRole('heading', { level: 1, name: /not authorized|access denied/i }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByText('Casey Success')).not.toBeInTheDocument();
  });
});
