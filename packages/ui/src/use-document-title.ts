import { useEffect } from 'react';

/**
 * Sets the tab's title. Not React 19's hoisted <title>: index.html already has one for the first
 * paint, and the browser would keep showing that first element.
 */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
