// The z every schema here is built with. In a browser zod must not probe for eval: the pages' CSP
// forbids it, and zod probes (with Function('')) when an object schema is built, which the browser
// reports as a violation every time. So this runs before any schema of this package is built, in
// whatever order a bundler places the modules. The API keeps zod's faster compiled parsers.
import { z } from 'zod';

// Typed for Node and browsers alike, so `document` is looked up on globalThis.
if ('document' in globalThis) z.config({ jitless: true });

export { z };
