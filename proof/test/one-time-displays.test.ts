// What the secrets scan takes from the one-time displays: each secret shown, in the forms the API
// may also handle, and only from answers that showed one.
import { expect, it } from 'vitest';
import { formsOf } from '../src/security/fresh-secrets.js';
import type { Answer } from '../src/security/http-client.js';
import { oneTimeDisplays } from '../src/security/one-time-displays.js';

const answer = (path: string, body: unknown, status = 200): Answer => ({
  method: 'POST',
  url: `http://127.0.0.1:4000/trpc/${path}`,
  status,
  headers: {},
  body: JSON.stringify(body),
});

it('takes every link token, TOTP secret and recovery code shown once, and those answers only', () => {
  const shown = [
    answer('admin.team.invite', {
      result: {
        data: { invitationId: 'i1', link: 'https://c.example/admin/invitation?token=tok-1' },
      },
    }),
    answer('admin.team.issuePasswordReset', {
      result: { data: { link: 'https://c.example/admin/reset-password?token=tok-2' } },
    }),
    answer('admin.twoFactor.start', { result: { data: { secret: 'JBSWY3DPEHPK3PXP', uri: '' } } }),
    answer('admin.twoFactor.confirm', { result: { data: { recoveryCodes: ['abcde-fghjk'] } } }),
  ];
  const others = [
    // E-mail on: no link in the answer.
    answer('admin.team.invite', { result: { data: { invitationId: 'i2', link: null } } }),
    answer('admin.twoFactor.start', { error: { message: 'already on' } }, 409),
    answer('admin.team.list', { result: { data: { link: 'https://x.example/?token=not-one' } } }),
  ];
  const displays = oneTimeDisplays([...others, ...shown]);

  expect(displays.secrets.map((s) => s.value)).toEqual([
    'tok-1',
    'tok-2',
    'JBSWY3DPEHPK3PXP',
    'abcde-fghjk',
  ]);
  expect(displays.counts).toEqual({ linkTokens: 2, totpSecrets: 1, recoveryCodes: 1 });
  expect([...displays.answers]).toEqual(shown);
  // A recovery code is looked for as typed and as the API normalises it.
  const code = displays.secrets.find((s) => s.value === 'abcde-fghjk')!;
  expect(formsOf(code).map((f) => f.needle)).toContain('abcdefghjk');
});
