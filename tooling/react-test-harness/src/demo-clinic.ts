/**
 * The clinic both SPAs' component tests show, as the API's clinic read returns it: one copy, so
 * the admin and the patient app are tested against the same clinic.
 */
export const DEMO_CLINIC = {
  id: '7c1d0000-0000-4000-8000-000000000001',
  name: 'Riverside Family Clinic',
  timeZone: 'America/New_York',
  currency: 'USD',
  address: '120 Riverside Drive, New York, NY 10024',
  contactEmail: 'reception@riverside-clinic.example',
  contactPhone: '+12125550100',
  takingBookings: true,
};
