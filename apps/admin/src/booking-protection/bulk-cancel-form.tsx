import {
  BULK_CANCEL_SOURCES,
  BulkCancelQueryInput,
  type BulkCancelSource,
} from '@clinicpay/contracts';
import { BusyButton, Button, Notice, Select, TextArea, TextField } from '@clinicpay/ui';
import { useState } from 'react';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { FormProblem } from '../components/form-problem.js';
import { notify } from '../toasts.js';
import { trpc, type Outputs } from '../trpc.js';

const SOURCE_LABELS: Record<BulkCancelSource, string> = {
  address: 'One IP address',
  network: 'One network (IPv6 /64)',
  email: 'One e-mail address',
};
const WINDOWS = [
  { id: '1', label: 'the last hour' },
  { id: '6', label: 'the last 6 hours' },
  { id: '24', label: 'the last 24 hours' },
  { id: '168', label: 'the last 7 days' },
  { id: '744', label: 'the last 31 days' },
];

type Preview = Outputs['bookingProtection']['previewBulkCancel'];

/**
 * After a flood: finds the open bookings made from one address, /64 or e-mail in a recent window,
 * shows them, and cancels them with a reason each patient is told (paid ones are refunded).
 */
export function BulkCancelForm() {
  const utils = trpc.useUtils();
  const cancel = trpc.admin.bookingProtection.bulkCancel.useMutation();
  const [kind, setKind] = useState<BulkCancelSource>('network');
  const [value, setValue] = useState('');
  const [hours, setHours] = useState('24');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ query: BulkCancelQueryInput; result: Preview } | null>(
    null,
  );
  const [confirming, setConfirming] = useState(false);
  const [finding, setFinding] = useState(false);

  async function find() {
    setProblem(null);
    setPreview(null);
    const now = Date.now();
    const parsed = BulkCancelQueryInput.safeParse({
      kind,
      value,
      from: new Date(now - Number(hours) * 3600_000).toISOString(),
      to: new Date(now + 60_000).toISOString(),
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => i.message).join(' '));
      return;
    }
    setFinding(true);
    try {
      const result = await utils.admin.bookingProtection.previewBulkCancel.fetch(parsed.data);
      setPreview({ query: parsed.data, result });
    } catch (error) {
      if (!isUnauthorized(error)) setProblem(messageOf(error));
    } finally {
      setFinding(false);
    }
  }

  async function cancelAll() {
    if (!preview) return;
    setConfirming(false);
    setProblem(null);
    try {
      const done = await cancel.mutateAsync({ query: preview.query, reason });
      notify({ title: `${done.cancelled} booking(s) cancelled`, tone: 'success' });
      if (done.failed.length)
        setProblem(`Not cancelled: ${done.failed.join(', ')}. Open them one by one.`);
      setPreview(null);
      setReason('');
      void utils.admin.appointments.invalidate();
    } catch (error) {
      if (!isUnauthorized(error)) setProblem(messageOf(error));
    }
  }

  const count = preview?.result.count ?? 0;
  return (
    <div className="grid gap-5">
      <FormProblem problem={problem} />
      <div className="grid gap-4">
        <Select
          label="Bookings made from"
          options={BULK_CANCEL_SOURCES.map((id) => ({ id, label: SOURCE_LABELS[id] }))}
          value={kind}
          onChange={(next) => {
            if (next) setKind(next as BulkCancelSource);
            setPreview(null);
          }}
        />
        <Select
          label="Made within"
          options={WINDOWS}
          value={hours}
          onChange={(next) => {
            if (next) setHours(next);
            setPreview(null);
          }}
        />
      </div>
      <TextField
        label={
          kind === 'email' ? 'E-mail address to clean up' : 'IP address or network to clean up'
        }
        description={
          kind === 'email'
            ? 'Lower or upper case does not matter.'
            : 'An IPv4 address, or an IPv6 address or /64 such as 2001:db8:1:2::/64 (a network covers its whole /64).'
        }
        value={value}
        onChange={(next) => {
          setValue(next);
          setPreview(null);
        }}
      />
      <div>
        <BusyButton
          variant="secondary"
          isBusy={finding}
          busyLabel="Finding…"
          onPress={() => void find()}
        >
          Find the bookings
        </BusyButton>
      </div>
      {preview ? (
        count === 0 ? (
          <Notice tone="info" role="status">
            No open bookings match in that window.
          </Notice>
        ) : (
          <div className="grid gap-4">
            <Notice tone="warning" role="status" title={`${count} open booking(s) match`}>
              {preview.result.capped
                ? 'That is as many as one action cancels; run it again for the rest. '
                : ''}
              {preview.result.bookings
                .slice(0, 12)
                .map((b) => b.reference)
                .join(', ')}
              {count > 12 ? ', …' : ''}
            </Notice>
            <TextArea
              label="Reason, told to each patient"
              value={reason}
              onChange={setReason}
              description="Paid bookings are refunded in full."
            />
            <div>
              <Button isDisabled={reason.trim().length < 3} onPress={() => setConfirming(true)}>
                Cancel {count} booking(s)
              </Button>
            </div>
          </div>
        )
      ) : null}
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={`Cancel ${count} booking(s)?`}
        confirmLabel="Cancel them"
        onConfirm={() => void cancelAll()}
      >
        <p>
          Each patient is told, with your reason, and paid bookings are refunded. This cannot be
          undone.
        </p>
      </ConfirmDialog>
    </div>
  );
}
