import type { ComponentType } from 'react';
import { useCanAccess } from 'react-admin';
import { AccessDeniedPage } from './AccessDeniedPage';

const PAGE_ACTIONS = ['list', 'show', 'create', 'edit'] as const;
type PageAction = (typeof PAGE_ACTIONS)[number];
type ResourceConfig = { name: string } & Partial<Record<PageAction, ComponentType>>;

const GUARDED = new WeakMap<ResourceConfig, ResourceConfig>();

function guardedPage(resource: string, action: PageAction, Page: ComponentType): ComponentType {
  function GuardedPage() {
    const { canAccess, isPending } = useCanAccess({ resource, action });
    if (isPending) return null;
    return canAccess ? <Page /> : <AccessDeniedPage />;
  }
  GuardedPage.displayName = `Guarded(${resource}.${action})`;
  return GuardedPage;
}

/**
 * A resource whose screens render only for roles allowed to use them (authProvider.canAccess, the
 * SPA's mirror of the BFF's table); everyone else gets the access-denied page and no request is made.
 */
export function guarded<R extends ResourceConfig>(config: R): R {
  // Same config, same components: a new component type on every render would remount the screen.
  const known = GUARDED.get(config);
  if (known) return known as R;
  const pages = Object.fromEntries(
    PAGE_ACTIONS.filter((action) => config[action]).map((action) => [action, guardedPage(config.name, action, config[action]!)]),
  );
  const result = { ...config, ...pages };
  GUARDED.set(config, result);
  return result;
}
