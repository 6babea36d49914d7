import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/renderApp';

describe('AppBar', () => {
  it("shows the signed-in staff member's name and role", async () => {
    renderApp('/', { role: 'finance' });
    expect(await screen.findByText('Finance')).toBeInTheDocument();
  });
});
