import {
  CheckboxGroup,
  ComboBox,
  MultiSelect,
  NativeDateField,
  RadioGroup,
  Select,
  TextArea,
  TextField,
  type CheckboxGroupProps,
  type ComboBoxProps,
  type MultiSelectProps,
  type NativeDateFieldProps,
  type RadioGroupProps,
  type SelectProps,
  type TextAreaProps,
  type TextFieldProps,
} from '@clinicpay/ui';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

// The UI fields bound to a react-hook-form field: its value and handlers, and its message.

/** A field's own props, with the form's control and the field's name in place of its value. */
export type Bound<P, T extends FieldValues, O> = Omit<
  P,
  'name' | 'value' | 'onChange' | 'onBlur' | 'ref' | 'errorMessage'
> & {
  /** The form's control; `O` is what the form's resolver turns the values into. */
  // Any context: a field never reads the resolver's context, whatever the form gives it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  control: Control<T, any, O>;
  name: Path<T>;
};

/** A TextField bound to a field; its input takes focus when the form's first error is its own. */
export function FormTextField<T extends FieldValues, O = T>({
  control,
  name,
  ...props
}: Bound<TextFieldProps, T, O>) {
  const { field, fieldState } = useController({ control, name });
  // Spread, not picked apart: the field object carries the input's ref for focus on error.
  return <TextField {...props} {...field} errorMessage={fieldState.error?.message} />;
}

export function FormTextArea<T extends FieldValues, O = T>({
  control,
  name,
  ...props
}: Bound<TextAreaProps, T, O>) {
  const { field, fieldState } = useController({ control, name });
  return <TextArea {...props} {...field} errorMessage={fieldState.error?.message} />;
}

export function FormDateField<T extends FieldValues, O = T>({
  control,
  name,
  ...props
}: Bound<NativeDateFieldProps, T, O>) {
  const { field, fieldState } = useController({ control, name });
  return <NativeDateField {...props} {...field} errorMessage={fieldState.error?.message} />;
}

/** A drop-down whose first option stands in should the choice ever be cleared ("All doctors"). */
export function FormSelect<T extends FieldValues, O = T>({
  control,
  name,
  options,
  ...props
}: Bound<SelectProps, T, O>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <Select
      {...props}
      options={options}
      value={field.value}
      onChange={(value) => field.onChange(value ?? options[0]?.id)}
      errorMessage={fieldState.error?.message}
    />
  );
}

/** A searchable list bound to a text field that is '' while nothing is chosen. */
export function FormComboBox<T extends FieldValues, O = T>({
  control,
  name,
  ...props
}: Bound<ComboBoxProps, T, O>) {
  const {
    field: { value, onChange, ...field },
    fieldState,
  } = useController({ control, name });
  return (
    <ComboBox
      {...props}
      {...field}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      errorMessage={fieldState.error?.message}
    />
  );
}

export function FormMultiSelect<T extends FieldValues, O = T>({
  control,
  name,
  ...props
}: Bound<MultiSelectProps, T, O>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <MultiSelect
      {...props}
      value={field.value}
      onChange={(value) => field.onChange(value)}
      errorMessage={fieldState.error?.message}
    />
  );
}

export function FormRadioGroup<T extends FieldValues, O = T>({
  control,
  name,
  ...props
}: Bound<RadioGroupProps, T, O>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <RadioGroup
      {...props}
      value={field.value}
      onChange={(value) => field.onChange(value)}
      onBlur={field.onBlur}
      errorMessage={fieldState.error?.message}
    />
  );
}

export function FormCheckboxGroup<T extends FieldValues, O = T>({
  control,
  name,
  ...props
}: Bound<CheckboxGroupProps, T, O>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <CheckboxGroup
      {...props}
      value={field.value}
      onChange={(value) => field.onChange(value)}
      onBlur={field.onBlur}
      errorMessage={fieldState.error?.message}
    />
  );
}
