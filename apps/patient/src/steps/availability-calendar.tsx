import type { LocalDate } from '@clinicpay/contracts';
import { cx } from '@clinicpay/ui';
import { parseDate, type CalendarDate } from '@internationalized/date';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  CalendarGridBody,
  CalendarGridHeader,
  CalendarHeaderCell,
  Heading,
} from 'react-aria-components';

export interface AvailabilityCalendarProps {
  /** The month on show, as any date in it; the arrows move it. */
  focused: LocalDate;
  onFocusChange: (date: LocalDate) => void;
  selected: LocalDate | null;
  onSelect: (date: LocalDate) => void;
  today: LocalDate;
  lastBookable: LocalDate;
  /** Dates with at least one free time; null while they load (no day is greyed out meanwhile). */
  freeDates: ReadonlySet<LocalDate> | null;
}

const arrow =
  'grid size-11 place-items-center rounded-lg text-slate-800 data-hovered:bg-slate-100 data-disabled:opacity-40 data-focus-visible:outline-2 data-focus-visible:outline-brand-600';

/**
 * A month of days (React Aria: arrow keys move by day and week, Page Up/Down by month). Days with
 * free times carry a dot; the others are unavailable. Dates are the clinic's, not the device's.
 */
export function AvailabilityCalendar({
  focused,
  onFocusChange,
  selected,
  onSelect,
  today,
  lastBookable,
  freeDates,
}: AvailabilityCalendarProps) {
  return (
    <Calendar
      aria-label="Appointment date"
      focusedValue={parseDate(focused)}
      onFocusChange={(date: CalendarDate) => onFocusChange(date.toString())}
      value={selected ? parseDate(selected) : null}
      onChange={(date: CalendarDate) => onSelect(date.toString())}
      minValue={parseDate(today)}
      maxValue={parseDate(lastBookable)}
      isDateUnavailable={(date) => freeDates !== null && !freeDates.has(date.toString())}
      className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4"
    >
      <header className="mb-2 flex items-center justify-between gap-2">
        <Button slot="previous" aria-label="Previous month" className={arrow}>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
            <path d="M12.7 4.3a1 1 0 0 1 0 1.4L8.4 10l4.3 4.3a1 1 0 0 1-1.4 1.4l-5-5a1 1 0 0 1 0-1.4l5-5a1 1 0 0 1 1.4 0z" />
          </svg>
        </Button>
        <Heading className="text-base font-semibold text-slate-900" />
        <Button slot="next" aria-label="Next month" className={arrow}>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
            <path d="M7.3 4.3a1 1 0 0 1 1.4 0l5 5a1 1 0 0 1 0 1.4l-5 5a1 1 0 0 1-1.4-1.4L11.6 10 7.3 5.7a1 1 0 0 1 0-1.4z" />
          </svg>
        </Button>
      </header>
      <CalendarGrid className="w-full border-collapse">
        <CalendarGridHeader>
          {(day) => (
            <CalendarHeaderCell className="pb-1 text-xs font-semibold text-slate-600">
              {day}
            </CalendarHeaderCell>
          )}
        </CalendarGridHeader>
        <CalendarGridBody>
          {(date) => (
            <CalendarCell
              date={date}
              className={({
                isSelected,
                isUnavailable,
                isDisabled,
                isOutsideMonth,
                isFocusVisible,
              }) =>
                cx(
                  'relative mx-auto grid size-11 place-items-center rounded-lg text-sm outline-none',
                  isOutsideMonth && 'invisible',
                  isSelected
                    ? 'bg-brand-700 font-semibold text-white'
                    : isDisabled || isUnavailable
                      ? 'cursor-default text-slate-500'
                      : 'cursor-pointer font-semibold text-slate-900 data-hovered:bg-brand-50',
                  isFocusVisible && 'outline-2 outline-offset-1 outline-brand-600',
                )
              }
            >
              {({ formattedDate, isSelected, isUnavailable, isDisabled }) => (
                <>
                  {formattedDate}
                  {!isUnavailable && !isDisabled && freeDates !== null ? (
                    <span
                      aria-hidden="true"
                      className={cx(
                        'absolute bottom-1.5 size-1.5 rounded-full',
                        isSelected ? 'bg-white' : 'bg-brand-700',
                      )}
                    />
                  ) : null}
                </>
              )}
            </CalendarCell>
          )}
        </CalendarGridBody>
      </CalendarGrid>
    </Calendar>
  );
}
