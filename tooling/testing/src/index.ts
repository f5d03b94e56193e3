// Helpers for tests, benchmarks and the proof that need no app of ours.
export { answersHealthz } from './answers-healthz.js';
export { CHROMIUM_ARGS } from './chromium-args.js';
export { freePort } from './free-port.js';
export { lateBound } from './late-bound.js';
export { keepAliveClient, type KeepAliveClient } from './keep-alive-client.js';
export {
  assertAllSucceeded,
  fmt,
  median,
  medianOfRuns,
  percentile,
  runPool,
  runSequential,
  type LatencyRun,
  type PoolRun,
} from './load-runs.js';
export { waitForApi } from './wait-for-api.js';
export { writeMarkdown } from './write-markdown.js';
