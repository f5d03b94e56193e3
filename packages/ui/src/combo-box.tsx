import type { Ref } from 'react';
import {
  Button as AriaButton,
  ComboBox as AriaComboBox,
  Input,
  ListBox,
  ListBoxItem,
  Popover,
} from 'react-aria-components';
import { cx } from './cx.js';
import { FieldParts, fieldBorder, type LabelledFieldProps } from './field-parts.js';

export interface ComboBoxOption {
  id: string;
  /** What the list shows and what typing matches against, e.g. "USD · US Dollar". */
  label: string;
}

export interface ComboBoxProps extends LabelledFieldProps {
  options: readonly ComboBoxOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  placeholder?: string;
  className?: string;
  /** The input element, e.g. for a form library to focus the first invalid field. */
  ref?: Ref<HTMLInputElement>;
  name?: string;
  /** Shown but not changeable; the description should say why. */
  isDisabled?: boolean;
}

/**
 * A searchable list: type to narrow it (the text matches anywhere in an option's label), arrow
 * keys to move, Enter to choose. The down-arrow button opens the full list.
 */
export function ComboBox({
  label,
  options,
  value,
  onChange,
  onBlur,
  description,
  errorMessage,
  placeholder,
  className,
  ref,
  name,
  isDisabled,
}: ComboBoxProps) {
  return (
    <AriaComboBox
      defaultItems={options}
      value={value}
      onChange={(key) => onChange(key === null ? null : String(key))}
      onBlur={onBlur}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      menuTrigger="focus"
      name={name}
      isDisabled={isDisabled}
      className={cx('grid gap-1.5', className)}
    >
      <FieldParts label={label} description={description} errorMessage={errorMessage}>
        <div
          className={cx(
            'flex min-h-11 items-center rounded-lg border bg-white has-[input:disabled]:bg-slate-100 has-[input[data-focus-visible]]:outline-2 has-[input[data-focus-visible]]:outline-offset-2 has-[input[data-focus-visible]]:outline-brand-600',
            fieldBorder(errorMessage),
          )}
        >
          <Input
            ref={ref}
            placeholder={placeholder}
            className="min-w-0 flex-1 rounded-lg bg-transparent px-3 py-2 text-base text-slate-900 outline-none placeholder:text-slate-500"
          />
          <AriaButton className="grid size-10 place-items-center rounded-md text-slate-600 data-focus-visible:outline-2 data-focus-visible:outline-brand-600">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
              <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
            </svg>
          </AriaButton>
        </div>
      </FieldParts>
      <Popover className="w-(--trigger-width) overflow-auto rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
        <ListBox<ComboBoxOption>
          className="max-h-72 outline-none"
          renderEmptyState={() => (
            <p className="px-3 py-2 text-sm text-slate-600">Nothing matches.</p>
          )}
        >
          {(option) => (
            <ListBoxItem
              id={option.id}
              textValue={option.label}
              className="flex min-h-10 cursor-pointer items-center rounded-md px-3 text-sm text-slate-900 outline-none data-focused:bg-brand-50 data-selected:font-semibold"
            >
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}
