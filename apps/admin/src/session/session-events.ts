// A tiny signal from the data layer (trpc.ts) to the layout: "the session has ended". The layout
// owns navigation; the data layer only knows that a call came back unauthorized.

type Listener = (message: string) => void;
const listeners = new Set<Listener>();

export function onSessionEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function reportSessionEnded(message: string): void {
  for (const listener of listeners) listener(message);
}
