import { Notice } from '@clinicpay/ui';

/**
 * Why a form's last submit failed, read out at once; nothing while there is none. `title` says
 * what did not happen, when the form does more than one thing.
 */
export function FormProblem({
  problem,
  title,
  className,
}: {
  problem: string | null | undefined;
  title?: string;
  className?: string;
}) {
  if (!problem) return null;
  return (
    <Notice tone="error" role="alert" title={title} className={className}>
      {problem}
    </Notice>
  );
}
