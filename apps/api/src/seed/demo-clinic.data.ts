// The demo clinic of `npm start` and of the tests: fixed ids make the seed idempotent
// (every insert is ON CONFLICT DO NOTHING) and let tests refer to rows by name.

export const DEMO_CLINIC = {
  id: '7c1d0000-0000-4000-8000-000000000001',
  name: 'Riverside Family Clinic',
  timeZone: 'America/New_York',
  address: '120 Riverside Drive, New York, NY 10024',
  currency: 'USD',
  contactEmail: 'reception@riverside-clinic.example',
  contactPhone: '+12125550100',
} as const;

const WEEKDAYS = [1, 2, 3, 4, 5];
const hours = (days: number[], from: string, to: string) =>
  days.map((weekday) => ({ weekday, startMinute: minutes(from), endMinute: minutes(to) }));
function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export const DEMO_DOCTORS = [
  {
    id: '7c1d0000-0000-4000-8000-0000000000d1',
    name: 'Dr. Amara Okafor',
    specialty: 'General practice',
    hours: [...hours(WEEKDAYS, '09:00', '12:30'), ...hours(WEEKDAYS, '13:30', '17:00')],
  },
  {
    id: '7c1d0000-0000-4000-8000-0000000000d2',
    name: 'Dr. Lucas Meyer',
    specialty: 'Dermatology',
    hours: hours([1, 3, 5], '10:00', '18:00'),
  },
  {
    id: '7c1d0000-0000-4000-8000-0000000000d3',
    name: 'Dr. Sofia Alvarez',
    specialty: 'Physiotherapy',
    hours: [...hours([2, 4], '08:00', '16:00'), ...hours([6], '09:00', '13:00')],
  },
] as const;

const [okafor, meyer, alvarez] = DEMO_DOCTORS;

/** Prices in minor units of USD: 6000 is $60.00. One service is free (it skips payment). */
export const DEMO_SERVICES = [
  {
    id: '7c1d0000-0000-4000-8000-0000000000a1',
    name: 'General consultation',
    durationMinutes: 30,
    priceAmount: 6000,
    doctorIds: [okafor.id, meyer.id],
  },
  {
    id: '7c1d0000-0000-4000-8000-0000000000a2',
    name: 'Skin check',
    durationMinutes: 20,
    priceAmount: 4500,
    doctorIds: [meyer.id],
  },
  {
    id: '7c1d0000-0000-4000-8000-0000000000a3',
    name: 'Physiotherapy session',
    durationMinutes: 45,
    priceAmount: 7500,
    doctorIds: [alvarez.id],
  },
  {
    id: '7c1d0000-0000-4000-8000-0000000000a4',
    name: 'Follow-up call',
    durationMinutes: 15,
    priceAmount: 0,
    doctorIds: [okafor.id, meyer.id, alvarez.id],
  },
] as const;
