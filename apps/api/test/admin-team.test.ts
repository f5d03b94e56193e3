// The admin team: an Owner invites by e-mail with a role (a single-use, 72-hour link, stored only
// hashed), the invited person accepts with a name and password and is signed in with that role;
// Owners change roles and remove admins (whose sessions end at once), never the last Owner; a
// password reset by e-mail works once, answers the same for any address, and ends every session.
import { DEMO_ADMIN } from '@clinicpay/demo';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, upsertAdmin, type TestApi } from '../src/testing.js';
import { RESET_REQUESTED } from '../src/services/team/password-reset.service.js';
import {
  cookieFrom,
  dataOf,
  signIn,
  trpcMutation,
  trpcQuery,
  type HttpAnswer,
} from './support/admin-http.js';
import { useMailCatcher } from './support/mail.js';

const mail = useMailCatcher();
let api: TestApi;
let owner: string;
beforeAll(async () => {
  // SMTP_URL only turns e-mail on; each test sends through the catcher's transport (mail.send).
  api = await startTestApi({ env: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
});
afterAll(async () => {
  await api?.stop();
});
beforeEach(async () => {
  await api.db.deleteFrom('rate_limit_counters').execute();
  owner = await signIn(api.url);
});

const asOwner = (path: string, input: unknown) =>
  trpcMutation(api.url, path, input, { cookie: owner });
const errorOf = (answer: HttpAnswer) => ({
  status: answer.status,
  message: answer.body.error?.message,
});
/** The link the last message to `address` carries (its text part). */
async function linkMailedTo(address: string): Promise<string> {
  await mail.send(api.runtime);
  const message = mail.catcher.messages().findLast((m) => m.to.includes(address));
  const link = message?.text.match(/https?:\/\/\S+token=[A-Za-z0-9_%-]+/)?.[0];
  if (!link) throw new Error(`No link was mailed to ${address}`);
  return link;
}
const tokenOf = (link: string) => decodeURIComponent(new URL(link).searchParams.get('token')!);

describe('invitations', () => {
  it('invites by e-mail with a role; the link opens, is accepted once and signs the new admin in', async () => {
    const invited = await asOwner('admin.team.invite', {
      email: 'nina@clinic.test',
      role: 'front_desk',
    });
    expect(dataOf(invited)).toMatchObject({ link: null });
    const link = await linkMailedTo('nina@clinic.test');
    expect(link).toMatch(/\/admin\/invitation\?token=/);
    const token = tokenOf(link);

    const details = await trpcQuery(api.url, 'admin.auth.invitation', { token });
    expect(dataOf(details)).toMatchObject({ email: 'nina@clinic.test', role: 'front_desk' });

    const accepted = await trpcMutation(api.url, 'admin.auth.acceptInvitation', {
      token,
      name: 'Nina Desk',
      password: 'nina-password-123',
    });
    expect(dataOf(accepted)).toMatchObject({
      admin: { email: 'nina@clinic.test', name: 'Nina Desk', role: 'front_desk' },
    });
    const me = await trpcQuery(api.url, 'admin.auth.me', undefined, {
      cookie: cookieFrom(accepted),
    });
    expect(dataOf<{ admin: { role: string } }>(me).admin.role).toBe('front_desk');

    const again = await trpcMutation(api.url, 'admin.auth.acceptInvitation', {
      token,
      name: 'Mallory',
      password: 'another-password-1',
    });
    expect(errorOf(again)).toEqual({
      status: 404,
      message:
        'This invitation link has expired, was already used or was withdrawn. Ask an Owner of the clinic to invite you again.',
    });
  });

  it('shows the link once when e-mail is off, and keeps only its hash', async () => {
    const quiet = await startTestApi();
    try {
      const cookie = await signIn(quiet.url);
      const invited = await trpcMutation(
        quiet.url,
        'admin.team.invite',
        { email: 'omar@clinic.test', role: 'manager' },
        { cookie },
      );
      const { link } = dataOf<{ link: string }>(invited);
      const token = tokenOf(link);
      const stored = await quiet.db.selectFrom('admin_links').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(token);
      const listed = await trpcQuery(quiet.url, 'admin.team.list', undefined, { cookie });
      expect(JSON.stringify(listed.body)).not.toContain(token);
      expect(dataOf<{ invitations: unknown[] }>(listed).invitations).toEqual([
        expect.objectContaining({ email: 'omar@clinic.test', role: 'manager' }),
      ]);
    } finally {
      await quiet.stop();
    }
  });

  it('refuses an expired or withdrawn link, and an address already on the team', async () => {
    await asOwner('admin.team.invite', { email: 'late@clinic.test', role: 'manager' });
    const token = tokenOf(await linkMailedTo('late@clinic.test'));
    await api.db
      .updateTable('admin_links')
      .set({ expires_at: new Date(api.runtime.clock.now().getTime() - 1000) })
      .where('email', '=', 'late@clinic.test')
      .execute();
    const expired = await trpcQuery(api.url, 'admin.auth.invitation', { token });
    expect(expired.status).toBe(404);

    const second = await asOwner('admin.team.invite', {
      email: 'gone@clinic.test',
      role: 'manager',
    });
    const { invitationId } = dataOf<{ invitationId: string }>(second);
    await asOwner('admin.team.revokeInvitation', { invitationId });
    await mail.send(api.runtime);
    // Withdrawn before it was sent: the message is dropped, not sent.
    expect(mail.catcher.messages().filter((m) => m.to.includes('gone@clinic.test'))).toEqual([]);

    const existing = await asOwner('admin.team.invite', {
      email: DEMO_ADMIN.email.toUpperCase(),
      role: 'manager',
    });
    expect(errorOf(existing)).toEqual({
      status: 400,
      message: `${DEMO_ADMIN.email.toUpperCase()} is already an admin of this clinic: change their role in the list instead.`,
    });
  });
});

describe('roles and removal', () => {
  it('changes a role at once, and removing an admin ends their sessions', async () => {
    await upsertAdmin(api.db, {
      email: 'max@clinic.test',
      password: 'max-password-123',
      role: 'manager',
    });
    const max = await signIn(api.url, { email: 'max@clinic.test', password: 'max-password-123' });
    const { id } = await api.db
      .selectFrom('admin_users')
      .select('id')
      .where('email', '=', 'max@clinic.test')
      .executeTakeFirstOrThrow();
    const auditAsMax = () => trpcQuery(api.url, 'admin.audit.list', {}, { cookie: max });
    expect((await auditAsMax()).status).toBe(200);
    await asOwner('admin.team.changeRole', { adminId: id, role: 'front_desk' });
    expect((await auditAsMax()).status).toBe(403);

    await asOwner('admin.team.remove', { adminId: id });
    expect((await auditAsMax()).status).toBe(401);
  });

  it('never leaves the clinic without an Owner', async () => {
    const owners = await api.db
      .selectFrom('admin_users')
      .select('id')
      .where('role', '=', 'owner')
      .execute();
    expect(owners).toHaveLength(1);
    const demote = await asOwner('admin.team.changeRole', {
      adminId: owners[0]!.id,
      role: 'manager',
    });
    expect(errorOf(demote)).toEqual({
      status: 400,
      message:
        'The clinic needs at least one Owner: make someone else an Owner before you demote this one.',
    });
    const remove = await asOwner('admin.team.remove', { adminId: owners[0]!.id });
    expect(remove.status).toBe(400);
    expect(
      (await api.db.selectFrom('admin_users').select('role').where('role', '=', 'owner').execute())
        .length,
    ).toBe(1);
  });
});

describe('password reset', () => {
  it('answers the same for any address, mails a link that works once and ends every session', async () => {
    await upsertAdmin(api.db, {
      email: 'rita@clinic.test',
      password: 'rita-password-123',
      role: 'manager',
    });
    const oldSession = await signIn(api.url, {
      email: 'rita@clinic.test',
      password: 'rita-password-123',
    });
    const known = await trpcMutation(api.url, 'admin.auth.requestPasswordReset', {
      email: 'rita@clinic.test',
    });
    const unknown = await trpcMutation(api.url, 'admin.auth.requestPasswordReset', {
      email: 'nobody@clinic.test',
    });
    expect(dataOf(known)).toEqual({ message: RESET_REQUESTED });
    expect(dataOf(unknown)).toEqual(dataOf(known));

    const token = tokenOf(await linkMailedTo('rita@clinic.test'));
    expect(mail.catcher.messages().some((m) => m.to.includes('nobody@clinic.test'))).toBe(false);
    const reset = await trpcMutation(api.url, 'admin.auth.resetPassword', {
      token,
      password: 'rita-new-password-9',
    });
    expect(reset.status).toBe(200);
    expect(
      (await trpcQuery(api.url, 'admin.auth.me', undefined, { cookie: oldSession })).status,
    ).toBe(401);
    const withNew = await trpcMutation(api.url, 'admin.auth.signIn', {
      email: 'rita@clinic.test',
      password: 'rita-new-password-9',
    });
    expect(withNew.status).toBe(200);
    const twice = await trpcMutation(api.url, 'admin.auth.resetPassword', {
      token,
      password: 'yet-another-password',
    });
    expect(twice.status).toBe(404);
  });
});
