// Secrets never in clear: this run's fresh Stripe secrets, the admin password, APP_SECRET, every
// session token, the booking's status token, and every invitation and reset token, TOTP secret and
// recovery code the run was shown once, looked for in every other answer the API gave, every line
// its processes logged, and a pg_dump of the database.
import { readFileSync } from 'node:fs';
import { check, table, type Check } from '../report.js';
import { PROOF_APP_SECRET } from '../support/api-replica.js';
import type { Procedure } from './admin-procedures.js';
import type { Secret, StripeKeySet } from './fresh-secrets.js';
import type { Answer, AnswerLog } from './http-client.js';
import { oneTimeDisplays } from './one-time-displays.js';
import { dumpDatabase } from './pg-dump.js';
import { describeFinds, newTally, scanText } from './scan.js';
import type { SecurityStack } from './security-stack.js';
import { runStripeJourney } from './stripe-journey.js';
import { signInAsAdmin } from './unauthorized.js';

export async function checkSecrets(options: {
  stack: SecurityStack;
  log: AnswerLog;
  keys: { test: StripeKeySet; live: StripeKeySet };
  procedures: Procedure[];
}): Promise<{ checks: Check[]; figures: string[] }> {
  const { stack, log, keys } = options;
  const url = stack.https.url;
  const cookie = await signInAsAdmin(log, url, stack.credentials.admin);
  const journey = await runStripeJourney({
    log,
    url,
    cookie,
    stripe: stack.stripe,
    keys,
    webhookUrls: [`${stack.https.url}/webhooks/stripe`, `${stack.http.url}/webhooks/stripe`],
    procedures: options.procedures,
  });
  // Headers and pages too: the part's header and page requests went into the same log.
  const stripeSecrets: Secret[] = [
    { name: 'Sandbox secret key', value: keys.test.secretKey },
    { name: 'Sandbox webhook signing secret', value: keys.test.webhookSigningSecret },
    { name: 'Live secret key', value: keys.live.secretKey },
    { name: 'Live webhook signing secret', value: keys.live.webhookSigningSecret },
  ];
  const alwaysSecret: Secret[] = [
    ...stripeSecrets,
    { name: 'admin password', value: stack.credentials.admin.password },
    { name: 'APP_SECRET', value: PROOF_APP_SECRET },
  ];
  // Tokens the API hands to their owner in an answer (a Set-Cookie, the booking's status link)
  // must still appear in no log and no table.
  const issuedTokens: Secret[] = [
    ...sessionTokens(log.answers).map((value, i) => ({ name: `session token ${i + 1}`, value })),
    { name: 'booking status token', value: journey.booking.token },
  ];

  // Shown once by design (a link when e-mail is off, a TOTP secret, recovery codes): looked for
  // everywhere else, in every form.
  const displays = oneTimeDisplays(log.answers);
  const displayed = newTally();
  for (const answer of displays.answers)
    scanText(displayed, displays.secrets, render(answer), 'its one-time display');
  const seenInDisplays = new Set(displayed.finds.map((f) => f.secret));
  const { linkTokens, totpSecrets, recoveryCodes } = displays.counts;
  const displaysCovered =
    seenInDisplays.size === displays.secrets.length &&
    linkTokens >= 4 &&
    totpSecrets >= 1 &&
    recoveryCodes >= 20;
  const everySecret = [...alwaysSecret, ...displays.secrets];

  const selfTest = newTally();
  for (const body of log.sentBodies) scanText(selfTest, stripeSecrets, body, 'a request sent');
  const foundInRequests = new Set(
    selfTest.finds.filter((f) => f.form === 'value').map((f) => f.secret),
  );

  const responses = newTally();
  for (const answer of log.answers.filter((a) => !displays.answers.has(a)))
    scanText(
      responses,
      everySecret,
      render(answer),
      `${answer.method} ${answer.url.split('?')[0]}`,
    );
  const logs = newTally();
  let loggedSaves = 0;
  for (const replica of [stack.https, stack.http]) {
    readFileSync(replica.logFile, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        scanText(logs, [...everySecret, ...issuedTokens], line, `${replica.name}.log:${i + 1}`);
        if (line.includes('"path":"/trpc/admin.stripeSettings.save"')) loggedSaves++;
      });
  }
  // The logs scanned are the ones the secrets went through: each save of them left its request line.
  const logsCoverSaves = loggedSaves >= journey.saves.length;
  const dump = newTally();
  const dumped = dumpDatabase(stack.postgres, 'clinicpay');
  scanText(dump, [...everySecret, ...issuedTokens], dumped, 'pg_dump');
  const storedEncrypted = countEnvelopes(dumped) >= 4;

  const last4 = (key: string) => key.slice(-4);
  const saved =
    journey.saves.every((s) => s.status === 200) &&
    journey.settings.mode === 'test' &&
    journey.settings.keys.live.secretKey?.endsWith(last4(keys.live.secretKey)) === true &&
    journey.settings.keys.test.secretKey?.endsWith(last4(keys.test.secretKey)) === true;

  return {
    checks: [
      check(
        'the fresh secrets were saved (Live and Sandbox, each key checked with the emulator) and used',
        saved && journey.paymentStatus === 'completed' && journey.refundStatus === 200,
        `saves ${journey.saves.map((s) => `${s.mode} ${s.status}`).join(', ')}; shown as ${journey.settings.keys.live.secretKey} and ${journey.settings.keys.test.secretKey}; payment ${journey.paymentStatus} through webhooks signed with the new secret; refund ${journey.refundStatus}`,
      ),
      check(
        'the scan finds each Stripe secret in the requests that carried it (it can see one)',
        foundInRequests.size === stripeSecrets.length,
        `${foundInRequests.size} of ${stripeSecrets.length}`,
      ),
      check(
        'every invitation and reset token, TOTP secret and recovery code of the run is looked for (the scan finds each in its one-time display)',
        displaysCovered,
        `${linkTokens} invitation and reset tokens, ${totpSecrets} TOTP secrets, ${recoveryCodes} recovery codes, from ${displays.answers.size} one-time displays; ${seenInDisplays.size} of ${displays.secrets.length} found there`,
      ),
      check(
        'no secret in any response body or header (beyond the one-time displays)',
        responses.finds.length === 0,
        `${responses.items} responses: ${describeFinds(responses.finds)}`,
      ),
      check(
        'no secret or token in any log line (of logs that recorded each save of the secrets)',
        logs.finds.length === 0 && logsCoverSaves,
        `${logs.items} lines, ${loggedSaves} of them about the ${journey.saves.length} saves: ${describeFinds(logs.finds)}`,
      ),
      check(
        'no secret or token in a pg_dump of the database',
        dump.finds.length === 0 && storedEncrypted,
        `${dump.bytes} bytes: ${describeFinds(dump.finds)}; encrypted secret columns ${storedEncrypted ? 'present' : 'missing'}`,
      ),
    ],
    figures: [
      table(
        ['scanned', 'items', 'bytes', 'finds'],
        [
          [
            'API answers (status, headers, body)',
            responses.items,
            responses.bytes,
            responses.finds.length,
          ],
          ['log lines of both API processes', logs.items, logs.bytes, logs.finds.length],
          ['pg_dump of the database', 1, dump.bytes, dump.finds.length],
        ],
      ),
      `Looked for ${alwaysSecret.length} secrets, ${displays.secrets.length} secrets shown once (${linkTokens} invitation and reset tokens, ${totpSecrets} TOTP secrets, ${recoveryCodes} recovery codes; their ${displays.answers.size} one-time displays left out of the answers scanned) and ${issuedTokens.length} issued tokens, each as its value, without its prefix or dash, and in base64; ` +
        `${journey.adminReads.called} admin reads (${journey.adminReads.answered} with data), ${journey.webhookEvents} webhook events stored.`,
    ],
  };
}

function render(answer: Answer): string {
  const headers = Object.entries(answer.headers).flatMap(([name, value]) =>
    [value ?? []].flat().map((v) => `${name}: ${v}`),
  );
  return [String(answer.status), ...headers, answer.body].join('\n');
}

/** Every non-empty session token the API set in a cookie during the run. */
function sessionTokens(answers: Answer[]): string[] {
  const tokens = answers
    .flatMap((a) => [a.headers['set-cookie'] ?? []].flat())
    .map((c) => c.split(';')[0]!.split('=')[1] ?? '');
  return [...new Set(tokens.filter((t) => t.length > 0))];
}

/** The secret box's envelopes in the dump (`v1.<keyId>.<iv>.<tag>.<ciphertext>`): the stored secrets. */
function countEnvelopes(dumped: string): number {
  return dumped.match(/\bv1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+/g)?.length ?? 0;
}
