import type { AnyProcedure } from '@trpc/server';
import type { AppRouter } from './index.js';

type PathsOf<TRecord, Prefix extends string = ''> = {
  [K in keyof TRecord & string]: TRecord[K] extends AnyProcedure
    ? `${Prefix}${K}`
    : PathsOf<TRecord[K], `${Prefix}${K}.`>;
}[keyof TRecord & string];

/** Every procedure's dotted path (`booking.create`, `admin.auth.signIn`…), as a closed union. */
export type ProcedurePath = PathsOf<AppRouter['_def']['record']>;
