import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * When a row's panel closes (its child route ends), focus goes back to the link that opened it, so
 * a keyboard user carries on from the same row. The panel unmounts with the route change, so the
 * dialog's own focus restoring cannot be relied on.
 */
export function useReturnFocus(listPath: string): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    const was = previous.current;
    previous.current = pathname;
    const opened = was.startsWith(`${listPath}/`) ? was.slice(listPath.length + 1) : null;
    if (!opened || pathname !== listPath) return;
    // The link's href ends with the id it opened; the base path ("/admin") comes before it.
    const link = document.querySelector<HTMLAnchorElement>(
      `main a[href$="${listPath}/${CSS.escape(opened)}"], main a[href*="${listPath}/${CSS.escape(opened)}?"]`,
    );
    link?.focus();
  }, [pathname, listPath]);
}
