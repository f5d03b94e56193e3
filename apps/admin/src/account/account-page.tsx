import {
  Badge,
  Button,
  Card,
  Notice,
  PageHeading,
  Skeleton,
  useDocumentTitle,
} from '@clinicpay/ui';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { QueryError } from '../components/query-states.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import { TwoFactorCard } from './two-factor-card.js';

/**
 * "Your account": two-factor sign-in, and the devices signed in as this admin, each of which can
 * be signed out. Where the clinic requires two-factor sign-in, an admin without it lands here.
 */
export function AccountPage() {
  useDocumentTitle('Your account · Clinic admin');
  const me = trpc.admin.auth.me.useQuery();
  const devices = trpc.admin.sessions.list.useQuery();
  const utils = trpc.useUtils();
  const end = trpc.admin.sessions.end.useMutation();
  return (
    <>
      <PageHeading
        title="Your account"
        description="How you sign in, and where. Sign out a device you do not recognise, then change your password."
      />
      {me.data?.admin.twoFactor.setupNeeded ? (
        <Notice tone="warning" role="status" className="mb-4">
          Your clinic requires two-factor sign-in. Set it up below to use the admin.
        </Notice>
      ) : null}
      <div className="mb-6">
        <TwoFactorCard />
      </div>
      <QueryError query={devices} title="Your devices could not be loaded." />
      <Card className="p-4 sm:p-6">
        <h2 className="mb-2 text-base font-semibold text-slate-900">Signed-in devices</h2>
        {devices.data ? (
          <ul className="divide-y divide-slate-200" aria-label="Signed-in devices">
            {devices.data.map((device) => (
              <li key={device.id} className="flex flex-wrap items-center gap-3 py-3">
                <div className="min-w-0 flex-1 text-sm">
                  <p className="font-semibold text-slate-900">
                    {device.browser}{' '}
                    {device.current ? <Badge tone="green">This device</Badge> : null}
                  </p>
                  <p className="text-slate-600">
                    {device.ip ?? 'Unknown address'} · last used{' '}
                    {new Date(device.lastSeenAt).toLocaleString()} · signed in{' '}
                    {new Date(device.signedInAt).toLocaleString()}
                  </p>
                </div>
                {device.current ? null : (
                  <Button
                    variant="secondary"
                    onPress={() =>
                      void end
                        .mutateAsync({ sessionId: device.id })
                        .then(() =>
                          notify({ title: `${device.browser} signed out`, tone: 'success' }),
                        )
                        .catch((error: unknown) => {
                          if (!isUnauthorized(error))
                            notify({
                              title: 'That device was not signed out.',
                              description: messageOf(error),
                              tone: 'error',
                            });
                        })
                        .finally(() => void utils.admin.sessions.list.invalidate())
                    }
                  >
                    Sign out
                  </Button>
                )}
              </li>
            ))}
          </ul>
        ) : devices.isPending ? (
          <Skeleton className="h-12 w-full" />
        ) : null}
      </Card>
    </>
  );
}
