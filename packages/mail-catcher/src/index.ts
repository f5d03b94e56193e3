export type { CaughtAttachment, CaughtMessage } from './caught-message';
export type { MailCatcherLogger } from './logger';
export { startMailCatcher, type MailCatcher, type MailCatcherOptions } from './mail-catcher';
export type { Refusal, RefusalRule } from './smtp-listener';
export type { ListedMessage } from './web/json-api';
