// How the benchmarks start the API: in production over their own database, on a free port,
// with nothing in the background (no sweeper) to disturb the figures.

export const BENCH_APP_SECRET = 'bench-app-secret-of-at-least-32-chars';

export function productionEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    APP_SECRET: BENCH_APP_SECRET,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SWEEP_INTERVAL_SECONDS: '0',
    // A benchmark books faster than any clinic: the proof of work would ask every booking.
    BOOKING_CHALLENGE: 'off',
  };
}
