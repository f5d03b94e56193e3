/** Where test databases are created. Trust auth on the local server; the `test` database exists. */
export const testDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
