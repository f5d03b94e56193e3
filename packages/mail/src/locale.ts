// One locale for every word and number a message prints. en-US names "$30.00" and "¥6,000" the way
// the API's own sentences do; dates are assembled from parts (format-time.ts) in day-month order
// with a 24-hour clock, which reads the same to patients everywhere.
export const LOCALE = 'en-US';
