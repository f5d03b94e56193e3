import type { ReactNode } from 'react';
import { FieldError, Label, Text } from 'react-aria-components';

/** What a labelled field says around its control. */
export interface LabelledFieldProps {
  label: ReactNode;
  /** A hint under the label, e.g. "We send the confirmation here". */
  description?: ReactNode;
  /** The sentence to show under the field; the field is marked invalid while it is set. */
  errorMessage?: string | undefined;
}

export interface FieldPartsProps extends LabelledFieldProps {
  /** The control, between the hint and the error. */
  children: ReactNode;
}

/**
 * The label, hint and error every labelled field shows around its control. Inside a React Aria
 * field their slots wire them to the control (aria-labelledby, aria-describedby) by themselves.
 */
export function FieldParts({ label, description, errorMessage, children }: FieldPartsProps) {
  return (
    <>
      <Label className="text-sm font-semibold text-slate-900">{label}</Label>
      {description ? (
        <Text slot="description" className="text-sm text-slate-600">
          {description}
        </Text>
      ) : null}
      {children}
      <FieldError className="text-sm font-medium text-red-800">{errorMessage}</FieldError>
    </>
  );
}

/** The control's border: red while the field shows an error. */
export function fieldBorder(errorMessage: string | undefined): string {
  return errorMessage ? 'border-red-700' : 'border-slate-500';
}
