import {
  Button as AriaButton,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
} from 'react-aria-components';
import { cx } from './cx.js';
import { FieldParts, fieldBorder, type LabelledFieldProps } from './field-parts.js';

export interface SelectOption {
  id: string;
  label: string;
}

interface CommonProps extends LabelledFieldProps {
  options: readonly SelectOption[];
  /** Shown when nothing is chosen, e.g. "All statuses". */
  placeholder?: string;
  isDisabled?: boolean;
  className?: string;
  name?: string;
}

export interface SelectProps extends CommonProps {
  value: string | null;
  onChange: (value: string | null) => void;
}

export interface MultiSelectProps extends CommonProps {
  value: readonly string[];
  onChange: (value: string[]) => void;
}

const trigger =
  'flex min-h-11 w-full items-center justify-between gap-2 rounded-lg border bg-white px-3 text-left text-base text-slate-900 data-focus-visible:outline-2 data-focus-visible:outline-offset-2 data-focus-visible:outline-brand-600';

function Parts({ label, options, description, errorMessage }: CommonProps) {
  return (
    <>
      <FieldParts label={label} description={description} errorMessage={errorMessage}>
        <AriaButton className={cx(trigger, fieldBorder(errorMessage))}>
          <SelectValue className="truncate data-placeholder:text-slate-600" />
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="size-4 shrink-0 text-slate-600"
            fill="currentColor"
          >
            <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
          </svg>
        </AriaButton>
      </FieldParts>
      <Popover className="min-w-(--trigger-width) overflow-auto rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
        <ListBox items={options} className="max-h-72 outline-none">
          {(option) => <Option option={option} />}
        </ListBox>
      </Popover>
    </>
  );
}

function Option({ option }: { option: SelectOption }) {
  return (
    <ListBoxItem
      id={option.id}
      textValue={option.label}
      className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md px-3 text-sm text-slate-900 outline-none data-focused:bg-brand-50 data-selected:font-semibold"
    >
      {({ isSelected }) => (
        <>
          <span aria-hidden="true" className="w-4 text-brand-700">
            {isSelected ? '✓' : ''}
          </span>
          {option.label}
        </>
      )}
    </ListBoxItem>
  );
}

/** What both drop-downs hand React Aria's Select: invalid while a message shows, no bubbles. */
function selectProps({ placeholder, isDisabled, className, name, errorMessage }: CommonProps) {
  return {
    placeholder,
    isDisabled,
    name,
    isInvalid: Boolean(errorMessage),
    validationBehavior: 'aria' as const,
    className: cx('grid gap-1.5', className),
  };
}

/** A labelled drop-down of choices (React Aria's Select: type-ahead, arrow keys, Escape). */
export function Select({ value, onChange, ...common }: SelectProps) {
  return (
    <AriaSelect
      value={value}
      onChange={(key) => onChange(key === null ? null : String(key))}
      {...selectProps(common)}
    >
      <Parts {...common} />
    </AriaSelect>
  );
}

/** The same drop-down where several choices can be ticked (e.g. statuses to filter by). */
export function MultiSelect({ value, onChange, ...common }: MultiSelectProps) {
  return (
    <AriaSelect
      selectionMode="multiple"
      value={value}
      onChange={(keys) => onChange(keys.map(String))}
      {...selectProps(common)}
    >
      <Parts {...common} />
    </AriaSelect>
  );
}
