// Imported first by each SPA (before any schema is parsed): the pages' CSP forbids eval, and zod
// would otherwise probe for it with Function('') on its first parse, which browsers report as a
// CSP violation every time. Zod's plain parser gives the same results.
import { z } from 'zod';

z.config({ jitless: true });
