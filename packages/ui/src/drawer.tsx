import type { ReactNode } from 'react';
import {
  Button as AriaButton,
  Dialog as AriaDialog,
  Heading,
  Modal,
  ModalOverlay,
} from 'react-aria-components';

export interface DrawerProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: ReactNode;
  /** A line under the title, e.g. the reference and the date. */
  subtitle?: ReactNode;
  children: ReactNode;
  closeLabel?: string;
}

/**
 * A panel sliding over the right of the page (the whole screen on a phone) for one item's details,
 * so the list behind keeps its filters and scroll position. A modal dialog underneath: focus is
 * held inside, Escape or the close button returns it to the row that opened it.
 */
export function Drawer({
  isOpen,
  onOpenChange,
  title,
  subtitle,
  children,
  closeLabel = 'Close',
}: DrawerProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable
      className="fixed inset-0 z-30 flex justify-end bg-slate-900/40"
    >
      <Modal className="h-dvh w-full overflow-y-auto bg-slate-50 shadow-xl sm:max-w-xl">
        <AriaDialog className="outline-none">
          {({ close }) => (
            <>
              <div className="sticky top-0 z-10 flex items-start gap-3 border-b border-slate-200 bg-white px-4 py-4 sm:px-6">
                <div className="min-w-0 flex-1">
                  <Heading slot="title" className="text-lg font-semibold text-slate-900">
                    {title}
                  </Heading>
                  {subtitle ? (
                    <div className="mt-0.5 text-sm text-slate-600">{subtitle}</div>
                  ) : null}
                </div>
                <AriaButton
                  onPress={close}
                  aria-label={closeLabel}
                  className="grid size-11 shrink-0 place-items-center rounded-lg text-slate-700 data-focus-visible:outline-2 data-focus-visible:outline-brand-600 data-hovered:bg-slate-100"
                >
                  <svg
                    aria-hidden="true"
                    viewBox="0 0 20 20"
                    className="size-5"
                    fill="currentColor"
                  >
                    <path d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4z" />
                  </svg>
                </AriaButton>
              </div>
              <div className="grid grid-cols-[minmax(0,1fr)] gap-5 px-4 py-5 sm:px-6">
                {children}
              </div>
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
