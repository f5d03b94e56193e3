// Shared UI primitives for both SPAs: React Aria for behaviour and accessibility, Tailwind for looks.
// We own these components (shadcn/ui style); the apps import `@clinicpay/ui/styles.css` once.
export { Badge, type BadgeProps, type BadgeTone } from './badge.js';
export { BusyButton, type BusyButtonProps } from './busy-button.js';
export { Button, type ButtonProps, type ButtonVariant } from './button.js';
export { buttonClass } from './button-class.js';
export { Card } from './card.js';
export { Checkbox, type CheckboxProps } from './checkbox.js';
export { CheckboxGroup, type CheckboxGroupProps } from './checkbox-group.js';
export { ComboBox, type ComboBoxOption, type ComboBoxProps } from './combo-box.js';
export { cx } from './cx.js';
export { DetailList, type DetailItem } from './detail-list.js';
export { Dialog, type DialogProps } from './dialog.js';
export { Drawer, type DrawerProps } from './drawer.js';
export { EmptyState, type EmptyStateProps } from './empty-state.js';
export { ErrorMessage, type ErrorMessageProps } from './error-message.js';
export { formatDuration } from './format-duration.js';
export { LoadingRegion, type LoadingRegionProps } from './loading-region.js';
export { NativeDateField, type NativeDateFieldProps } from './native-date-field.js';
export { Notice, type NoticeProps } from './notice.js';
export { PageHeading, type PageHeadingProps } from './page-heading.js';
export { Radio, RadioGroup, type RadioGroupProps, type RadioProps } from './radio-group.js';
export {
  MultiSelect,
  Select,
  type MultiSelectProps,
  type SelectOption,
  type SelectProps,
} from './select.js';
export { ClinicMark, Shell, SkipLink, type ShellProps } from './shell.js';
export { Skeleton } from './skeleton.js';
export { Spinner, type SpinnerProps } from './spinner.js';
export { Switch, type SwitchProps } from './switch.js';
export { TextArea, type TextAreaProps } from './text-area.js';
export { TextField, type TextFieldProps } from './text-field.js';
export {
  createToastQueue,
  toast,
  ToastArea,
  type ToastContentValue,
  type Toasts,
} from './toast.js';
export { useDocumentTitle } from './use-document-title.js';
