import { lazy, useState, type ComponentType } from 'react';

/**
 * React.lazy that skips Suspense once the code is here. A plain lazy component suspends on its
 * first render even when its module was prefetched, and React 19 then holds the fallback for
 * ~300 ms before revealing it: a skeleton flash on every step, and 300 ms more before the card
 * form. Each mount picks its implementation once, so a mounted one never remounts.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Preloadable(props: P) {
    const [Impl] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Impl {...props} />;
  }
  return Object.assign(Preloadable, { preload });
}
