export { appointmentIcs, appointmentUid, type AppointmentIcsInput } from './ics.js';
