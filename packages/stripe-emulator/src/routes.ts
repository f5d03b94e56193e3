/** The shape of an API endpoint and the context it runs in. */
import type { FormObject } from './form-decode';
import type { Mode, Right } from './keys';
import type { EmulatorState, ModeStore, RequestRef } from './state';

export interface ApiContext {
  state: EmulatorState;
  mode: Mode;
  /** The account of the request's key: it sees and creates only that account's objects. */
  account: string;
  store: ModeStore;
  params: FormObject;
  request: RequestRef;
}

export type Method = 'GET' | 'POST' | 'DELETE';

export interface Route {
  method: Method;
  /** `/v1/checkout/sessions/:id/expire` */
  pattern: string;
  /** The restricted-key right the endpoint needs. */
  right: Right;
  handle(ctx: ApiContext, args: Record<string, string>): object;
}

interface Compiled {
  route: Route;
  segments: string[];
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.pattern.split('/') }));
  }

  match(method: string, path: string): { route: Route; args: Record<string, string> } | null {
    const parts = path.replace(/\/+$/, '').split('/');
    for (const { route, segments } of this.compiled) {
      if (route.method !== method || segments.length !== parts.length) continue;
      const args: Record<string, string> = {};
      const ok = segments.every((segment, i) => {
        const part = parts[i] ?? '';
        if (segment.startsWith(':')) {
          args[segment.slice(1)] = decodeURIComponent(part);
          return part.length > 0;
        }
        return segment === part;
      });
      if (ok) return { route, args };
    }
    return null;
  }
}
