import type { Permission } from '@clinicpay/contracts';
import { cx } from '@clinicpay/ui';
import { useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useCan } from '../session/use-can.js';

/** Each section and what the admin's role needs to see it in the menu. */
const SECTIONS: ReadonlyArray<{ to: string; label: string; needs: Permission }> = [
  { to: '/transactions', label: 'Transactions', needs: 'transactions.view' },
  { to: '/appointments', label: 'Appointments', needs: 'appointments.view' },
  { to: '/payment-settings', label: 'Payment Settings', needs: 'payments.manage' },
  { to: '/webhooks', label: 'Webhook log', needs: 'payments.manage' },
  { to: '/email', label: 'E-mail', needs: 'mail.manage' },
  { to: '/services', label: 'Services', needs: 'clinic.manage' },
  { to: '/policies', label: 'Policies', needs: 'clinic.manage' },
  { to: '/doctors', label: 'Doctors', needs: 'clinic.manage' },
  { to: '/clinic', label: 'Clinic', needs: 'clinic.manage' },
  { to: '/team', label: 'Team', needs: 'admins.manage' },
  { to: '/audit', label: 'Audit log', needs: 'audit.view' },
];

/**
 * The sections, as links (NavLink marks the current one with aria-current="page"): a row on wider
 * screens; on a phone a "Menu" button that opens them as a list, so the page starts near the top.
 */
export function AdminNav() {
  const { pathname } = useLocation();
  const can = useCan();
  const sections = SECTIONS.filter((section) => can(section.needs));
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  // Choosing a section closes the phone menu (state that follows the address, set while rendering).
  if (openedAt !== pathname) {
    setOpenedAt(pathname);
    setOpen(false);
  }
  const current = sections.find((s) => pathname.startsWith(s.to))?.label ?? 'Menu';
  return (
    <nav aria-label="Admin sections" className="mx-auto max-w-7xl px-2 sm:px-4">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="admin-sections"
        onClick={() => setOpen(!open)}
        className="flex min-h-11 w-full items-center justify-between px-2 text-sm font-semibold text-slate-900 sm:hidden"
      >
        <span>
          Menu<span className="font-normal text-slate-600"> · {current}</span>
        </span>
        <span aria-hidden="true">{open ? '▲' : '▼'}</span>
      </button>
      <ul
        id="admin-sections"
        className={cx(
          'relative -mb-px sm:flex sm:gap-1 sm:overflow-x-auto',
          open ? 'grid pb-2' : 'hidden',
        )}
      >
        {sections.map((section) => (
          <li key={section.to} className="shrink-0">
            <NavLink
              to={section.to}
              className={({ isActive }) =>
                cx(
                  'flex min-h-11 items-center px-3 text-sm font-semibold whitespace-nowrap sm:border-b-2',
                  isActive
                    ? 'border-brand-700 bg-brand-50 text-brand-800 sm:bg-transparent'
                    : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
                )
              }
            >
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
