import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { cx } from './cx.js';

export interface DialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: ReactNode;
  children: ReactNode;
  /** `alertdialog` for a question that must be answered (confirm a refund, a cancel). */
  role?: 'dialog' | 'alertdialog';
  /** Escape and a click outside close it; off while an action runs or for an alert dialog. */
  isDismissable?: boolean;
  className?: string;
}

/**
 * A modal dialog: focus moves into it and stays there, Escape closes it, and focus returns to what
 * opened it. The title names the dialog for screen readers.
 */
export function Dialog({
  isOpen,
  onOpenChange,
  title,
  children,
  role = 'dialog',
  isDismissable = true,
  className,
}: DialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable && role === 'dialog'}
      isKeyboardDismissDisabled={!isDismissable}
      className="fixed inset-0 z-40 grid place-items-end bg-slate-900/40 p-0 sm:place-items-center sm:p-4"
    >
      <Modal
        className={cx(
          'max-h-[95dvh] w-full overflow-y-auto rounded-t-2xl bg-white shadow-xl sm:max-w-lg sm:rounded-2xl',
          className,
        )}
      >
        <AriaDialog role={role} className="p-5 outline-none sm:p-6">
          <Heading slot="title" className="mb-3 text-lg font-semibold text-slate-900">
            {title}
          </Heading>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
