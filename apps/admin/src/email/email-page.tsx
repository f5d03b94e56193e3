import {
  buttonClass,
  Card,
  LoadingRegion,
  PageHeading,
  Skeleton,
  useDocumentTitle,
} from '@clinicpay/ui';
import { Link } from 'react-router';
import { QueryError } from '../components/query-states.js';
import { trpc } from '../trpc.js';
import { FailedMailNotice, MailOffNotice } from './mail-notices.js';
import { MailSettingsForm } from './mail-settings-form.js';
import { TestMailForm } from './test-mail-form.js';

/** "E-mail": whether messages can go out, the clinic's settings, a test message, and the log. */
export function EmailPage() {
  useDocumentTitle('E-mail · Clinic admin');
  const settings = trpc.admin.mail.settings.useQuery();
  const data = settings.data;
  return (
    <>
      <PageHeading
        title="E-mail"
        description="What patients and the clinic receive by e-mail: confirmations, reminders, cancellations, refunds and the clinic's notices."
      />
      <QueryError query={settings} title="The e-mail settings could not be loaded." />
      {data ? (
        <div className="grid gap-6">
          {data.sending === 'off' || data.failedCount > 0 ? (
            <div className="grid gap-3">
              {data.sending === 'off' ? <MailOffNotice /> : null}
              {data.failedCount > 0 ? <FailedMailNotice count={data.failedCount} /> : null}
            </div>
          ) : null}
          <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
            <Card className="p-4 sm:p-6">
              <MailSettingsForm settings={data} />
            </Card>
            <div className="grid min-w-0 gap-6">
              <Card className="p-4 sm:p-6">
                <TestMailForm contactEmail={data.contactEmail} />
              </Card>
              <Card className="p-4 sm:p-6">
                <h2 className="text-base font-semibold text-slate-900">E-mail log</h2>
                <p className="mt-1 mb-4 text-sm text-slate-600">
                  Every message, to whom, and how sending went. Resend one that failed or was
                  dropped.
                </p>
                <Link to="/email/log" className={buttonClass('secondary')}>
                  Open the e-mail log
                </Link>
              </Card>
            </div>
          </div>
        </div>
      ) : settings.isPending ? (
        <LoadingRegion label="Loading the e-mail settings…">
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
