import {
  CreateServiceInput,
  getCurrency,
  toDecimalString,
  toMinorUnits,
} from '@clinicpay/contracts';
import type { FieldErrors, Resolver } from 'react-hook-form';
import type { Outputs } from '../trpc.js';

export type AdminService = Outputs['services']['list'][number];

/** The service form as typed: the price as a decimal ("60.00"), the duration as minutes. */
export interface ServiceFormValues {
  name: string;
  durationMinutes: string;
  price: string;
  currency: string;
  doctorIds: string[];
}

export function serviceFormValuesOf(
  service: AdminService | null,
  defaultCurrency: string,
): ServiceFormValues {
  if (!service)
    return {
      name: '',
      durationMinutes: '30',
      price: '',
      currency: defaultCurrency.toUpperCase(),
      doctorIds: [],
    };
  return {
    name: service.name,
    durationMinutes: String(service.durationMinutes),
    price: toDecimalString(service.price),
    currency: service.price.currency.toUpperCase(),
    doctorIds: service.doctorIds,
  };
}

/** The form's field for a path the API names (`price.amount` is typed in "price"). */
export function serviceFieldOf(path: string): keyof ServiceFormValues | null {
  if (path === 'price.amount') return 'price';
  if (path === 'price.currency') return 'currency';
  return (['name', 'durationMinutes', 'doctorIds'] as const).find((f) => f === path) ?? null;
}

/**
 * The form's rules: the price typed as money in its currency (never in cents: contracts converts),
 * then the API's own schema for everything else, so the messages match what the API would say.
 */
export const serviceFormResolver: Resolver<ServiceFormValues, unknown, CreateServiceInput> = (
  values,
) => {
  const errors: FieldErrors<ServiceFormValues> = {};
  let amount: number | null = null;
  const currency = values.currency.trim();
  if (!currency) errors.currency = { type: 'rule', message: 'Choose a currency from the list.' };
  else if (!/^\d+(\.\d+)?$/.test(values.price.trim()))
    errors.price = { type: 'rule', message: priceExample(currency) };
  else {
    try {
      amount = toMinorUnits(values.price.trim(), currency);
    } catch {
      errors.price = { type: 'rule', message: priceExample(currency) };
    }
  }
  const duration = /^\d+$/.test(values.durationMinutes.trim())
    ? Number(values.durationMinutes)
    : Number.NaN;
  const parsed = CreateServiceInput.safeParse({
    name: values.name,
    durationMinutes: duration,
    price: { amount: amount ?? 0, currency },
    doctorIds: values.doctorIds,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = serviceFieldOf(issue.path.map(String).join('.'));
      if (field && !errors[field])
        errors[field] = {
          type: 'rule',
          message:
            field === 'durationMinutes' && Number.isNaN(duration)
              ? 'Give the duration in minutes, e.g. 30.'
              : issue.message,
        };
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { values: {}, errors };
  return { values: parsed.data, errors: {} };
};

function priceExample(currency: string): string {
  try {
    const digits = getCurrency(currency).decimalDigits;
    return `Give the price as an amount in ${currency.toUpperCase()}, e.g. ${digits === 0 ? '5000' : `60.${'0'.repeat(digits)}`} (0 for free).`;
  } catch {
    return 'Choose a currency from the list.';
  }
}
