import type { Ref } from 'react';
import { TextArea as AriaTextArea } from 'react-aria-components';
import { cx } from './cx.js';
import { fieldBorder } from './field-parts.js';
import { TextFieldFrame, type TextFieldProps } from './text-field.js';

export interface TextAreaProps extends Omit<TextFieldProps, 'placeholder' | 'ref'> {
  rows?: number;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line input (a reason, a note), wired like TextField. */
export function TextArea({ rows = 3, ref, ...props }: TextAreaProps) {
  return (
    <TextFieldFrame {...props}>
      <AriaTextArea
        ref={ref}
        rows={rows}
        className={cx(
          'rounded-lg border bg-white px-3 py-2 text-base text-slate-900 outline-none data-focus-visible:outline-2 data-focus-visible:outline-offset-2 data-focus-visible:outline-brand-600',
          fieldBorder(props.errorMessage),
        )}
      />
    </TextFieldFrame>
  );
}
