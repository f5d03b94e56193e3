import { Link } from 'react-router';

/** Where a sub-page sits: a link back to its section, then the page itself. */
export function Breadcrumb({
  parent,
  current,
}: {
  parent: { to: string; label: string };
  current: string;
}) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <Link to={parent.to} className="font-semibold text-brand-700 underline underline-offset-2">
        {parent.label}
      </Link>
      <span aria-hidden="true" className="text-slate-500">
        {' '}
        ›{' '}
      </span>
      <span aria-current="page" className="text-slate-700">
        {current}
      </span>
    </nav>
  );
}
