import { render, screen } from '@testing-library/react';
import { Suspense, type ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyScreen, preloadRoute } from './lazyScreen';

const Report = () => <h1>The report</h1>;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Renders `Screen` as a page does: a fallback while its chunk loads. */
const renderPage = (Screen: ComponentType) =>
  render(
    <Suspense fallback={<p>loading</p>}>
      <Screen />
    </Suspense>,
  );

describe('lazyScreen', () => {
  it('shows a fallback while a screen nobody preloaded loads', async () => {
    renderPage(lazyScreen('reports-cold', async () => ({ default: Report })));
    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'The report' })).toBeInTheDocument();
  });

  it('renders the opened route’s screen at once, without a fallback, when its chunk came during boot', async () => {
    const Screen = lazyScreen('reports-boot', async () => ({ default: Report }));
    preloadRoute('#/reports-boot/connection-counts');
    await tick();
    renderPage(Screen);
    expect(screen.queryByText('loading')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'The report' })).toBeInTheDocument();
  });

  it('loads at once a screen declared after its resource was preloaded (a tab inside a page’s chunk)', async () => {
    preloadRoute('#/reports-nested');
    const Tab = lazyScreen('reports-nested', async () => ({ default: Report }));
    await tick();
    renderPage(Tab);
    expect(screen.getByRole('heading', { name: 'The report' })).toBeInTheDocument();
  });
});
