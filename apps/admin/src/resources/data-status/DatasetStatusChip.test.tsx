import { ThemeProvider } from '@mui/material';
import { createTheme, getContrastRatio } from '@mui/material/styles';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { theme } from '../../layout/theme';
import { DatasetStatusChip } from './DatasetStatusChip';

const AA_NORMAL_TEXT = 4.5;

/** The label's colour and the colour behind it, as the browser computes them. */
function colours(label: string) {
  const text = screen.getByText(label);
  const chip = getComputedStyle(text.closest('.MuiChip-root') as HTMLElement);
  const transparent = !chip.backgroundColor || chip.backgroundColor === 'rgba(0, 0, 0, 0)';
  return { text: getComputedStyle(text).color || chip.color, background: transparent ? 'rgb(255, 255, 255)' : chip.backgroundColor };
}

describe('DatasetStatusChip', () => {
  it.each(['Complete', 'FetchError', 'Queued', 'NotSupported'])('keeps the %s label at WCAG AA contrast', (status) => {
    render(
      <ThemeProvider theme={createTheme(theme)}>
        <DatasetStatusChip status={status} />
      </ThemeProvider>,
    );
    const { text, background } = colours(status);
    expect(getContrastRatio(text, background)).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
  });
});
