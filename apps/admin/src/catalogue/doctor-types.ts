import type { Outputs } from '../trpc.js';

export type AdminDoctor = Outputs['doctors']['list'][number];
