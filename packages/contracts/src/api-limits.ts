/**
 * The most calls one tRPC request may batch. The API refuses bigger batches, and both SPAs' batch
 * links split at this size, so one request can never ask for an unbounded amount of work.
 */
export const TRPC_MAX_BATCH_ITEMS = 10;
