import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Log lines never carry secrets or patient details: these paths are replaced by "[redacted]"
 * wherever they appear (request headers, tRPC inputs logged on error, our own objects).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["stripe-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.secretKey',
  '*.webhookSecret',
  '*.webhookSigningSecret',
  '*.appSecret',
  '*.email',
  '*.phone',
  '*.patientName',
  '*.patient',
  '*.accessToken',
  '*.token',
];

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.destination,
  );
}

export type { Logger };
