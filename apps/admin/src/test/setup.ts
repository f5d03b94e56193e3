import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { queryClient } from '../trpc.js';

afterEach(() => {
  cleanup();
  queryClient.clear();
});
