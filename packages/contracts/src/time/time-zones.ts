let zones: readonly string[] | undefined;

/** The IANA time zones this runtime knows (canonical names, plus UTC), sorted, for pickers. */
export function ianaTimeZones(): readonly string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();
  return zones;
}

/** A canonical IANA name such as Pacific/Auckland (not an abbreviation like EST). */
export function isIanaTimeZone(value: string): boolean {
  return ianaTimeZones().includes(value);
}
