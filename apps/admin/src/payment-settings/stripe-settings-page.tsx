import { Card, LoadingRegion, PageHeading, Skeleton, useDocumentTitle } from '@clinicpay/ui';
import { Breadcrumb } from '../components/breadcrumb.js';
import { QueryError } from '../components/query-states.js';
import { trpc } from '../trpc.js';
import { CheckoutTest } from './checkout-test.js';
import { KeyRefusedNotice } from './key-refused-notice.js';
import { StripeSettingsForm } from './stripe-settings-form.js';
import { WebhookHealth } from './webhook-health.js';
import { WebhookSetupGuide } from './webhook-setup-guide.js';

/** Payment Settings › Stripe: the settings form, whether events arrive, and how to set Stripe up. */
export function StripeSettingsPage() {
  useDocumentTitle('Stripe · Payment Settings · Clinic admin');
  const settings = trpc.admin.stripeSettings.get.useQuery();
  return (
    <>
      <Breadcrumb
        parent={{ to: '/payment-settings', label: 'Payment Settings' }}
        current="Stripe"
      />
      <PageHeading
        title="Stripe"
        description="Card payments with Stripe's embedded checkout. Keys come from Stripe's Dashboard."
      />
      <QueryError query={settings} title="The Stripe settings could not be loaded." />
      {settings.data?.refusals[settings.data.mode] ? (
        <div className="mb-6">
          <KeyRefusedNotice
            refusal={settings.data.refusals[settings.data.mode]!}
            mode={settings.data.mode}
          />
        </div>
      ) : null}
      {settings.data ? (
        <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
          <Card className="p-4 sm:p-6">
            <StripeSettingsForm settings={settings.data} />
          </Card>
          <div className="grid min-w-0 gap-6">
            <Card className="p-4 sm:p-6">
              <h2 className="mb-3 text-base font-semibold text-slate-900">Webhook health</h2>
              <WebhookHealth settings={settings.data} />
            </Card>
            {settings.data.mode === 'test' && settings.data.keys.test.secretKey ? (
              <Card className="p-4 sm:p-6">
                <CheckoutTest />
              </Card>
            ) : null}
            <Card className="p-4 sm:p-6">
              <WebhookSetupGuide
                events={settings.data.webhookEvents}
                apiVersion={settings.data.apiVersion}
              />
            </Card>
          </div>
        </div>
      ) : settings.isPending ? (
        <LoadingRegion label="Loading the Stripe settings…">
          <Card className="grid gap-5 p-6">
            {[0, 1, 2, 3, 4].map((row) => (
              <div key={row} className="grid gap-2">
                <Skeleton className="h-4 w-32" />
                <Skeleton className="h-11 w-full" />
              </div>
            ))}
          </Card>
        </LoadingRegion>
      ) : null}
    </>
  );
}
