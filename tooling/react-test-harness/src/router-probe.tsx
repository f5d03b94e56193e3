import { useEffect } from 'react';
import { NavigationType, useLocation, useNavigate, useNavigationType } from 'react-router';

/**
 * What the router did: where it is (path and query), its history entries as the app made them
 * (pushes add one after the current entry, replaces overwrite it, Back and Forward move between
 * them), and the browser's Back and Forward buttons (`go(-1)`, `go(1)`).
 */
export const routerProbe = {
  location: '',
  /** The current entry's navigation state. */
  state: null as unknown,
  entries: [] as string[],
  index: 0,
  go: (delta: number): void => {
    throw new Error(`Nothing rendered to go ${delta} in`);
  },
};
const keys: string[] = [];

/** Forgets the history of the previous render. */
export function resetRouterProbe() {
  keys.length = 0;
  routerProbe.entries = [];
  routerProbe.index = 0;
}

/** Rendered inside the router: keeps `routerProbe` up to date. */
export function LocationProbe() {
  const location = useLocation();
  const type = useNavigationType();
  const navigate = useNavigate();
  useEffect(() => {
    routerProbe.go = (delta) => void navigate(delta);
  }, [navigate]);
  useEffect(() => {
    const here = `${location.pathname}${location.search}`;
    routerProbe.location = here;
    routerProbe.state = location.state;
    if (type === NavigationType.Push || keys.length === 0) {
      const at = keys.length === 0 ? 0 : routerProbe.index + 1;
      keys.length = routerProbe.entries.length = at;
      keys.push(location.key);
      routerProbe.entries.push(here);
      routerProbe.index = at;
    } else if (type === NavigationType.Replace) {
      keys[routerProbe.index] = location.key;
      routerProbe.entries[routerProbe.index] = here;
    } else {
      routerProbe.index = keys.indexOf(location.key);
    }
  }, [location, type]);
  return null;
}
