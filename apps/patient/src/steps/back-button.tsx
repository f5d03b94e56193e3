import { Button } from '@clinicpay/ui';
import type { ReactNode } from 'react';

/** "Back to …": a secondary button that returns to the step before. */
export function BackButton({ onPress, children }: { onPress: () => void; children: ReactNode }) {
  return (
    <Button variant="secondary" onPress={onPress}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
        <path d="M12.7 4.3a1 1 0 0 1 0 1.4L8.4 10l4.3 4.3a1 1 0 0 1-1.4 1.4l-5-5a1 1 0 0 1 0-1.4l5-5a1 1 0 0 1 1.4 0z" />
      </svg>
      {children}
    </Button>
  );
}
