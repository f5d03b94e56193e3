import { PatientDetailsInput } from '@clinicpay/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, TextField, type TextFieldProps } from '@clinicpay/ui';
import { useEffect } from 'react';
import { useController, useForm, type Control } from 'react-hook-form';
import { trpc } from '../trpc.js';
import type { StepProps } from '../wizard/step-props.js';
import { prepareBookingChallenge } from './booking-challenge.js';
import { BackButton } from './back-button.js';

const FIELDS = ['name', 'email', 'phone'] as const;

/**
 * Step 4: name, email and phone, checked with the API's own schema as the patient types (after
 * leaving a field once, then on every change), so the messages match what the server would say.
 */
export function DetailsStep({ state, dispatch }: StepProps) {
  const form = useForm<PatientDetailsInput>({
    resolver: zodResolver(PatientDetailsInput),
    mode: 'onTouched',
    reValidateMode: 'onChange',
    defaultValues: state.patient ?? { name: '', email: '', phone: '' },
  });

  // The proof of work, when the clinic asks for one, is solved while the patient types.
  const utils = trpc.useUtils();
  useEffect(() => {
    prepareBookingChallenge(() => utils.booking.challenge.fetch());
  }, [utils]);

  // Refusals from the API (rare: the same schema runs here) land on their fields.
  useEffect(() => {
    if (!state.fieldErrors) return;
    for (const field of FIELDS) {
      const message = state.fieldErrors[`patient.${field}`];
      if (message) form.setError(field, { message }, { shouldFocus: true });
    }
  }, [state.fieldErrors, form]);

  return (
    <form
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit((patient) => dispatch({ type: 'saveDetails', patient }))(event)
      }
      className="grid max-w-lg gap-5"
    >
      <p className="text-sm text-slate-700">
        We use these only for this appointment: the clinic may call you, and we email your
        confirmation.
      </p>
      <DetailsField control={form.control} name="name" label="Full name" autoComplete="name" />
      <DetailsField
        control={form.control}
        name="email"
        label="Email"
        type="email"
        inputMode="email"
        autoComplete="email"
        description="Your confirmation is sent here."
      />
      <DetailsField
        control={form.control}
        name="phone"
        label="Phone"
        type="tel"
        autoComplete="tel"
        description="With your country code if you are not in the clinic's country."
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit">Continue to payment</Button>
        <BackButton onPress={() => dispatch({ type: 'goTo', step: 'time' })}>
          Back to times
        </BackButton>
      </div>
    </form>
  );
}

type DetailsFieldProps = Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'onBlur'> & {
  control: Control<PatientDetailsInput>;
  name: (typeof FIELDS)[number];
};

/** One field bound to the form: its value, its message, and its input for focus on error. */
function DetailsField({ control, name, ...props }: DetailsFieldProps) {
  const { field, fieldState } = useController({ control, name });
  return <TextField {...props} {...field} errorMessage={fieldState.error?.message} />;
}
