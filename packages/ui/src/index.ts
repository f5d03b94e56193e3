// Shared UI primitives for both SPAs: React Aria for behaviour and accessibility, Tailwind for looks.
// We own these components (shadcn/ui style); the apps import `@clinicpay/ui/styles.css` once.
export { Button, type ButtonProps, type ButtonVariant } from './button.js';
export { buttonClass } from './button-class.js';
export { Card } from './card.js';
export { cx } from './cx.js';
export { EmptyState, type EmptyStateProps } from './empty-state.js';
export { ErrorMessage, type ErrorMessageProps } from './error-message.js';
export { formatDuration } from './format-duration.js';
export { LoadingRegion, type LoadingRegionProps } from './loading-region.js';
export { PageHeading, type PageHeadingProps } from './page-heading.js';
export { Radio, RadioGroup, type RadioGroupProps, type RadioProps } from './radio-group.js';
export { Shell, type ShellProps } from './shell.js';
export { Skeleton } from './skeleton.js';
export { Spinner, type SpinnerProps } from './spinner.js';
export { TextField, type TextFieldProps } from './text-field.js';
export { useDocumentTitle } from './use-document-title.js';
