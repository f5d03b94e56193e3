// What process launchers (the CLI, `npm start`) need to run the API in-process.
export { loadConfig, type Config } from './env.js';
export { openRuntime, type Runtime } from './bootstrap.js';
export { startServer, buildServer } from './server.js';
export { startBackgroundJobs } from './background-jobs.js';
export { migrateAndSeed, migrateAndSeedIfEmpty } from './seed/migrate-and-seed.js';
export { demoAdminStillWorks } from './security/production-guards.js';
export { DEMO_CLINIC } from './seed/demo-clinic.data.js';
export { exitWithUserError } from './user-error.js';
// One sweep on demand, for operators' tools (the proof's hold-expiry check moves the clock).
export { sweepOnce } from './services/sweeper/sweeper.js';
