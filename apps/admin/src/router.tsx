import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from './layout/not-found-page.js';
import { PageLoading } from './layout/page-loading.js';
import { RequireAdmin } from './session/require-admin.js';
import { SignInPage } from './session/sign-in-page.js';

// Vite's base ("/admin/") doubles as the router's basename, so routes here stay relative to it.
const basename = import.meta.env.BASE_URL.replace(/\/$/, '');

// Each page is its own chunk (route `lazy`): signing in downloads only the sign-in form.
const page =
  <T,>(load: () => Promise<T>, pick: (module: T) => React.ComponentType) =>
  async () => ({ Component: pick(await load()) });

export const router = createBrowserRouter(
  [
    { path: '/sign-in', element: <SignInPage /> },
    // Opened signed out, from a link in an e-mail (or one an Owner passed on).
    {
      path: '/invitation',
      lazy: page(
        () => import('./session/invitation-page.js'),
        (m) => m.InvitationPage,
      ),
    },
    {
      path: '/reset-password',
      lazy: page(
        () => import('./session/reset-password-page.js'),
        (m) => m.ResetPasswordPage,
      ),
    },
    {
      path: '/forgot-password',
      lazy: page(
        () => import('./session/forgot-password-page.js'),
        (m) => m.ForgotPasswordPage,
      ),
    },
    {
      path: '/',
      element: <RequireAdmin />,
      // Shown while the first page's code loads (a page straight from a link or a reload).
      HydrateFallback: PageLoading,
      children: [
        {
          index: true,
          lazy: page(
            () => import('./clinic/home-page.js'),
            (m) => m.HomePage,
          ),
        },
        {
          path: 'getting-started',
          lazy: page(
            () => import('./clinic/home-page.js'),
            (m) => m.GettingStartedPage,
          ),
        },
        {
          path: 'setup',
          lazy: page(
            () => import('./clinic/clinic-setup-page.js'),
            (m) => m.ClinicSetupPage,
          ),
        },
        {
          path: 'clinic',
          lazy: page(
            () => import('./clinic/clinic-page.js'),
            (m) => m.ClinicPage,
          ),
        },
        {
          path: 'transactions',
          lazy: page(
            () => import('./transactions/transactions-page.js'),
            (m) => m.TransactionsPage,
          ),
          children: [
            {
              path: ':paymentId',
              lazy: page(
                () => import('./transactions/transaction-drawer.js'),
                (m) => m.TransactionDrawer,
              ),
            },
          ],
        },
        {
          path: 'appointments',
          lazy: page(
            () => import('./appointments/appointments-page.js'),
            (m) => m.AppointmentsPage,
          ),
          children: [
            {
              path: ':appointmentId',
              lazy: page(
                () => import('./appointments/appointment-drawer.js'),
                (m) => m.AppointmentDrawer,
              ),
            },
          ],
        },
        {
          path: 'payment-settings',
          lazy: page(
            () => import('./payment-settings/gateways-page.js'),
            (m) => m.GatewaysPage,
          ),
        },
        {
          path: 'payment-settings/stripe',
          lazy: page(
            () => import('./payment-settings/stripe-settings-page.js'),
            (m) => m.StripeSettingsPage,
          ),
        },
        {
          path: 'webhooks',
          lazy: page(
            () => import('./webhooks/webhook-log-page.js'),
            (m) => m.WebhookLogPage,
          ),
          children: [
            {
              path: ':eventId',
              lazy: page(
                () => import('./webhooks/webhook-event-drawer.js'),
                (m) => m.WebhookEventDrawer,
              ),
            },
          ],
        },
        {
          path: 'email',
          lazy: page(
            () => import('./email/email-page.js'),
            (m) => m.EmailPage,
          ),
        },
        {
          path: 'email/log',
          lazy: page(
            () => import('./email/mail-log-page.js'),
            (m) => m.MailLogPage,
          ),
        },
        {
          path: 'policies',
          lazy: page(
            () => import('./policies/policies-page.js'),
            (m) => m.PoliciesPage,
          ),
        },
        {
          path: 'services',
          lazy: page(
            () => import('./catalogue/services-page.js'),
            (m) => m.ServicesPage,
          ),
        },
        {
          path: 'doctors',
          lazy: page(
            () => import('./catalogue/doctors-page.js'),
            (m) => m.DoctorsPage,
          ),
        },
        {
          path: 'doctors/:doctorId',
          lazy: page(
            () => import('./catalogue/doctor-page.js'),
            (m) => m.DoctorPage,
          ),
        },
        {
          path: 'audit',
          lazy: page(
            () => import('./audit/audit-page.js'),
            (m) => m.AuditPage,
          ),
        },
        {
          path: 'account',
          lazy: page(
            () => import('./account/account-page.js'),
            (m) => m.AccountPage,
          ),
        },
        {
          path: 'team',
          lazy: page(
            () => import('./team/team-page.js'),
            (m) => m.TeamPage,
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename },
);
