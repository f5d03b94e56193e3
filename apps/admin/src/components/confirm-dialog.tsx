import { Button, Dialog } from '@clinicpay/ui';
import type { ReactNode } from 'react';

export interface ConfirmDialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  /** Names the action, never "OK": "Turn off Stripe", "Mark as no-show". */
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
}

/** Asks before an action that is hard to undo; the safe answer has focus first. */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Keep as is',
  onConfirm,
}: ConfirmDialogProps) {
  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} title={title} role="alertdialog">
      <div className="text-sm text-slate-700">{children}</div>
      <div className="mt-5 flex flex-wrap justify-end gap-3">
        <Button variant="secondary" autoFocus onPress={() => onOpenChange(false)}>
          {cancelLabel}
        </Button>
        <Button onPress={onConfirm}>{confirmLabel}</Button>
      </div>
    </Dialog>
  );
}
