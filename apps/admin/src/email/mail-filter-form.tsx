import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FilterActions, FilterBar } from '../components/filter-bar.js';
import { FormSelect } from '../components/form-fields.js';
import { MAIL_STATUS_LABELS } from './mail-labels.js';
import { MAIL_FILTER_STATUSES, type MailLogQuery } from './mail-log-query.js';

const STATUS_OPTIONS = [
  { id: 'any', label: 'All' },
  ...MAIL_FILTER_STATUSES.map((id) => ({ id, label: MAIL_STATUS_LABELS[id] })),
];

/** The field as chosen: 'any' for every status. */
const schema = z.object({ status: z.enum(['any', ...MAIL_FILTER_STATUSES]) });
type Values = z.infer<typeof schema>;

/** The log's one filter: how sending went. */
export function MailFilterForm({
  query,
  onApply,
}: {
  query: MailLogQuery;
  onApply: (query: MailLogQuery) => void;
}) {
  // The address bar is the truth: Back, a link or "Clear all" reset the field to it.
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    values: { status: query.status ?? 'any' },
  });
  const apply = ({ status }: Values) => onApply({ status: status === 'any' ? null : status });

  return (
    <FilterBar
      label="Filter e-mail"
      onSubmit={(event) => void form.handleSubmit(apply)(event)}
      className="sm:grid-cols-[minmax(0,16rem)_auto] sm:items-end"
    >
      <FormSelect control={form.control} name="status" label="Status" options={STATUS_OPTIONS} />
      <FilterActions clearLabel="Clear all" onClear={() => onApply({ status: null })} />
    </FilterBar>
  );
}
