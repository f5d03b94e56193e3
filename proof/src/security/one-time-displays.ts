// The answers that show a secret once, by design: an invitation or reset link when e-mail is off,
// a new TOTP secret, a new set of recovery codes. The secrets scan takes every secret they showed
// as one to look for, and leaves these answers (and only these) out of the answers it scans.
import type { Secret } from './fresh-secrets.js';
import { envelope, type Answer } from './http-client.js';

interface Shown {
  link?: string | null;
  secret?: string;
  recoveryCodes?: string[];
}

/** The procedures whose successful answer is a one-time display. */
export const ONE_TIME_DISPLAYS = [
  'admin.team.invite',
  'admin.team.issuePasswordReset',
  'admin.twoFactor.start',
  'admin.twoFactor.confirm',
  'admin.twoFactor.renewRecoveryCodes',
] as const;

export interface OneTimeDisplays {
  /** The answers that displayed a secret. */
  answers: Set<Answer>;
  /** Every secret they displayed, each once. */
  secrets: Secret[];
  counts: { linkTokens: number; totpSecrets: number; recoveryCodes: number };
}

export function oneTimeDisplays(answers: Answer[]): OneTimeDisplays {
  const shown = new Set<Answer>();
  const values = new Map<string, Secret>();
  const counts = { linkTokens: 0, totpSecrets: 0, recoveryCodes: 0 };
  const add = (secret: Secret, kind: keyof typeof counts) => {
    if (values.has(secret.value)) return;
    values.set(secret.value, secret);
    counts[kind] += 1;
  };
  for (const answer of answers) {
    const path = new URL(answer.url).pathname.replace(/^\/trpc\//, '');
    if (!(ONE_TIME_DISPLAYS as readonly string[]).includes(path)) continue;
    const data = envelope(answer).result?.data as Shown | undefined;
    const token = data?.link ? new URL(data.link).searchParams.get('token') : null;
    // An invitation e-mailed instead (no link) displayed nothing: it is scanned like any answer.
    if (!data || !(token || data.secret || data.recoveryCodes?.length)) continue;
    shown.add(answer);
    if (token) {
      const kind = path === 'admin.team.invite' ? 'invitation' : 'password reset';
      add({ name: `${kind} token ${counts.linkTokens + 1}`, value: token }, 'linkTokens');
    }
    if (data.secret)
      add({ name: `TOTP secret ${counts.totpSecrets + 1}`, value: data.secret }, 'totpSecrets');
    for (const code of data.recoveryCodes ?? [])
      add(
        {
          name: `recovery code ${counts.recoveryCodes + 1}`,
          value: code,
          bare: code.replace(/-/g, ''),
        },
        'recoveryCodes',
      );
  }
  return { answers: shown, secrets: [...values.values()], counts };
}
