import type { Permission } from '@console/contracts';
import { lazy, type ComponentProps, type ComponentType } from 'react';
import { permissionFor } from '../providers/permissions';

type Loader = () => Promise<unknown>;

/** Every screen's chunk loader, by the resource whose menu entry leads to it. */
const loaders: Array<{ resource: string; load: Loader }> = [];
/**
 * Resources whose screens are being preloaded: a screen declared inside another screen's chunk
 * (a tab, a report) is registered only once that chunk runs, and then loads at once.
 */
const wanted = new Set<string>();

function preload(resource: string): void {
  wanted.add(resource);
  for (const loader of loaders) if (loader.resource === resource) void loader.load().catch(() => undefined);
}

/**
 * A screen in its own chunk, loaded on first render, or earlier by preloadScreens (once the
 * signed-in role is known) or preloadRoute (at boot, for the page being opened), so opening it
 * waits for its data, not for its code.
 *
 * Once the chunk is in, the screen renders it directly rather than through React.lazy: a lazy
 * component suspends on its first render even when its chunk has arrived, and React holds back
 * the content that replaces a fallback for up to 300 ms (its fallback throttle).
 */
// `any` as in React.lazy's own signature: the props are taken from the screen, whatever they are.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyScreen<Screen extends ComponentType<any>>(resource: string, load: () => Promise<{ default: Screen }>) {
  type Props = ComponentProps<Screen>;
  let Loaded: Screen | undefined;
  const loadOnce = () =>
    load().then((module) => {
      Loaded = module.default;
      return module;
    });
  loaders.push({ resource, load: loadOnce });
  if (wanted.has(resource)) void loadOnce().catch(() => undefined);
  const Lazy = lazy(loadOnce);
  // Loaded is set before React's lazy resolves (its `then` comes first), so a screen that mounted
  // through Lazy never switches to Loaded, which would remount it.
  return function LazyScreen(props: Props) {
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  };
}

/** Loads, in the background, the chunks of every screen this role's menu leads to. */
export function preloadScreens(permissions: readonly Permission[]): void {
  for (const resource of new Set(loaders.map((loader) => loader.resource))) {
    const needed = permissionFor(resource, 'list');
    if (!needed || permissions.includes(needed)) preload(resource);
  }
}

/** Loads the chunks of the resource a hash route (`#/companies/…`) opens, while the session is read. */
export function preloadRoute(hash: string): void {
  const resource = /^#\/([^/?]+)/.exec(hash)?.[1];
  if (resource) preload(resource);
}
