import { ErrorMessage } from '@clinicpay/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { AdminLayout } from '../layout/admin-layout.js';
import { PageLoading } from '../layout/page-loading.js';
import { trpc } from '../trpc.js';
import { signInPathFor } from './return-path.js';
import { ReconfirmDialog } from './reconfirm-dialog.js';
import { onSessionEnded } from './session-events.js';
import { RoleProvider } from './use-can.js';

/** The API's sentence for "never signed in" is not worth repeating on the sign-in page. */
const noticeFor = (message: string) =>
  message === 'Please sign in to continue.' ? undefined : message;

export interface SignInState {
  notice?: string;
}

/**
 * Every admin page sits under this route: it asks who is signed in, sends a visitor without a
 * session to sign in (remembering the page), and does the same when any later call finds the
 * session ended, so the admin comes back to where they were.
 */
export function RequireAdmin() {
  const me = trpc.admin.auth.me.useQuery(undefined, { retry: false, staleTime: 5 * 60_000 });
  // Whether the clinic exists yet: before it does, set-up is the only page.
  const profile = trpc.admin.clinic.get.useQuery(undefined, {
    enabled: me.isSuccess,
    staleTime: 5 * 60_000,
  });
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const here = `${location.pathname}${location.search}`;
  // Only the first call to meet an ended session is told why ("Your session has ended"); the
  // others (in the same batch, or after the cookie was cleared) only say "please sign in". They
  // arrive in any order: the sentence that says why wins, whenever it comes.
  const [leaving, setLeaving] = useState(false);
  const left = useRef<{ notice: string | undefined } | null>(null); // refusals can outrun renders

  useEffect(
    () =>
      onSessionEnded((message) => {
        const notice = noticeFor(message);
        if (left.current && (left.current.notice || !notice)) return;
        const first = !left.current;
        left.current = { notice };
        setLeaving(true);
        void navigate(signInPathFor(here), {
          replace: true,
          state: { notice } satisfies SignInState,
        });
        // Nothing read under the old session may show under the next one.
        if (first)
          queryClient.removeQueries({
            predicate: (query) => JSON.stringify(query.queryKey).includes('"admin"'),
          });
      }),
    [here, navigate, queryClient],
  );

  if (leaving) return <PageLoading />;
  if (me.isError && isUnauthorized(me.error)) {
    return (
      <Navigate
        to={signInPathFor(here)}
        replace
        state={{ notice: noticeFor(messageOf(me.error)) } satisfies SignInState}
      />
    );
  }
  if (me.isError) {
    return (
      <div className="mx-auto max-w-xl p-6">
        <ErrorMessage title="The admin could not start." onRetry={() => void me.refetch()}>
          {messageOf(me.error)}
        </ErrorMessage>
      </div>
    );
  }
  if (!me.data || profile.isPending) {
    return <PageLoading />;
  }
  const settingUp = profile.data?.clinic === null;
  const onSetUp = location.pathname === '/setup';
  if (settingUp && !onSetUp) return <Navigate to="/setup" replace />;
  if (profile.data?.clinic && onSetUp) return <Navigate to="/" replace />;
  // The clinic requires two-factor sign-in and this admin has not set it up: only that, first.
  const setupNeeded = me.data.admin.twoFactor.setupNeeded;
  if (setupNeeded && location.pathname !== '/account')
    return <Navigate to="/account" replace state={{ twoFactorRequired: true }} />;
  return (
    <RoleProvider role={me.data.admin.role}>
      <AdminLayout admin={me.data.admin} withNav={!settingUp && !setupNeeded}>
        <Outlet />
      </AdminLayout>
      <ReconfirmDialog twoFactorEnabled={me.data.admin.twoFactor.enabled} />
    </RoleProvider>
  );
}
