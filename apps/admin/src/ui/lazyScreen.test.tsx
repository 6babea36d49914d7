import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyScreen, preloadRoute } from './lazyScreen';

function Counter() {
  const [clicks, setClicks] = useState(0);
  return <button onClick={() => setClicks(clicks + 1)}>clicked {clicks}</button>;
}

function Page({ Screen }: { Screen: ReturnType<typeof lazyScreen<typeof Counter>> }) {
  const [, rerender] = useState(0);
  return (
    <>
      <button onClick={() => rerender((n) => n + 1)}>re-render</button>
      <Suspense fallback={<p>loading</p>}>
        <Screen />
      </Suspense>
    </>
  );
}

describe('lazyScreen', () => {
  it('keeps a screen it had to wait for mounted, with its state, when its page re-renders after the chunk came', async () => {
    const Screen = lazyScreen('not-preloaded', async () => ({ default: Counter }));
    render(<Page Screen={Screen} />);
    expect(screen.getByText('loading')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'clicked 0' }));
    await user.click(screen.getByRole('button', { name: 're-render' }));
    expect(screen.getByRole('button', { name: 'clicked 1' })).toBeInTheDocument();
  });

  it('renders a preloaded screen at once, without a fallback', async () => {
    const Screen = lazyScreen('preloaded', async () => ({ default: Counter }));
    preloadRoute('#/preloaded/1/show');
    await new Promise((resolve) => setTimeout(resolve, 0));
    render(<Page Screen={Screen} />);
    expect(screen.queryByText('loading')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'clicked 0' })).toBeInTheDocument();
  });
});
