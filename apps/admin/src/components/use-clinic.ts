import { trpc } from '../trpc.js';

/** The clinic (name, time zone, currency): read once, it rarely changes. */
export function useClinic() {
  return trpc.catalogue.clinic.useQuery(undefined, { staleTime: Infinity });
}

/** The clinic's time zone once known; the device's until then (only for the first paint). */
export function useTimeZone(): string {
  const clinic = useClinic();
  return clinic.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
