// Every .tsx in this package starts with `/** @jsxRuntime automatic @jsxImportSource react */`:
// tsx and esbuild otherwise compile JSX by the importing app's tsconfig (the API's sets no jsx)
// into React.createElement calls, and "React is not defined" at send time. jsx-pragma.test.ts
// checks it.
import type { ReactElement } from 'react';
import type { MailKind, MailMessage } from '../message.js';

/** The message of one kind, e.g. `MessageOf<'refund_sent'>`. */
export type MessageOf<K extends MailKind> = Extract<MailMessage, { kind: K }>;

/** What a template gives render.ts: the subject line and the e-mail as React Email elements. */
export interface Template {
  subject: string;
  element: ReactElement;
}
