// Imported first by each SPA's entry, for schemas the app builds itself with zod (the package's own
// are built with ./zod.ts): see ./zod.ts for why zod must not probe for eval in a browser.
import './zod.js';
