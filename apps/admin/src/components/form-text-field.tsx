import { TextField, type TextFieldProps } from '@clinicpay/ui';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

export type FormTextFieldProps<T extends FieldValues, O> = Omit<
  TextFieldProps,
  'name' | 'value' | 'onChange' | 'onBlur' | 'ref'
> & {
  /** The form's control; `O` is what the form's resolver turns the values into. */
  control: Control<T, unknown, O>;
  name: Path<T>;
};

/** A TextField bound to a react-hook-form field: its value, its message, and its input for focus. */
export function FormTextField<T extends FieldValues, O = T>({
  control,
  name,
  ...props
}: FormTextFieldProps<T, O>) {
  const { field, fieldState } = useController({ control, name });
  // Spread, not picked apart: the field object carries the input's ref for focus on error.
  return <TextField {...props} {...field} errorMessage={fieldState.error?.message} />;
}
