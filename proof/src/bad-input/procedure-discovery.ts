// Which procedures anyone may call. The router lists every procedure; a call without a session
// tells public from admin the way an attacker would find out: adminProcedure refuses it as
// UNAUTHORIZED before looking at the input, anything else is public (whatever its path says:
// admin.auth.signIn is public, and an admin procedure left on publicProcedure would show here).
import { appRouter } from './api-internals.js';
import { callProcedure, type ProcedureType } from './trpc-http.js';

export interface Procedure {
  path: string;
  type: ProcedureType;
  /** Whether it declares an input parser at all (without one, any input is ignored). */
  takesInput: boolean;
}

export interface Discovery {
  all: Procedure[];
  publicOnes: Procedure[];
  adminOnes: Procedure[];
}

export function listProcedures(): Procedure[] {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string; inputs: unknown[] } }
  >;
  return Object.entries(procedures).map(([path, procedure]) => {
    const type = procedure._def.type;
    if (type !== 'query' && type !== 'mutation')
      throw new Error(`${path} is a ${type}; the fuzzer only calls queries and mutations`);
    return { path, type, takesInput: procedure._def.inputs.length > 0 };
  });
}

export async function discoverPublicProcedures(baseUrl: string): Promise<Discovery> {
  const all = listProcedures();
  const publicOnes: Procedure[] = [];
  const adminOnes: Procedure[] = [];
  for (const procedure of all) {
    const answer = await callProcedure(baseUrl, procedure.path, procedure.type, undefined);
    if (answer.status === null)
      throw new Error(
        `${procedure.path} gave no answer while telling public from admin: ${answer.failure}`,
      );
    (answer.status === 401 && answer.errorCode === 'UNAUTHORIZED' ? adminOnes : publicOnes).push(
      procedure,
    );
  }
  return { all, publicOnes, adminOnes };
}
