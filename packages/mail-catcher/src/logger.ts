/** Where the catcher reports; `console` and a pino logger both fit. */
export interface MailCatcherLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Quiet by default: the page and `messages()` already show what arrived. */
export const quietLogger: MailCatcherLogger = {
  info: () => {},
  warn: (message) => console.warn(message),
};
