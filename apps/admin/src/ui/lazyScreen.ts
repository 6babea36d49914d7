import type { Permission } from '@console/contracts';
import { lazy } from 'react';
import { permissionFor } from '../providers/permissions';

type Loader = () => Promise<unknown>;

/** Every screen's chunk loader, by the resource whose menu entry leads to it. */
const loaders: Array<{ resource: string; load: Loader }> = [];

/**
 * A screen in its own chunk, loaded on first render, or earlier by preloadScreens once the
 * signed-in role is known (so opening it waits for its data, not for its code).
 */
export function lazyScreen<T extends Parameters<typeof lazy>[0]>(resource: string, load: T) {
  loaders.push({ resource, load });
  return lazy(load) as ReturnType<typeof lazy<Awaited<ReturnType<T>>['default']>>;
}

/** Loads, in the background, the chunks of every screen this role's menu leads to. */
export function preloadScreens(permissions: readonly Permission[]): void {
  for (const { resource, load } of loaders) {
    const needed = permissionFor(resource, 'list');
    if (!needed || permissions.includes(needed)) void load().catch(() => undefined);
  }
}
