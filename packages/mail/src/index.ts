export { renderMail, type RenderOptions } from './render.js';
export type {
  AppointmentFacts,
  CalendarRevision,
  CancelCause,
  ClinicContact,
  ClinicNotice,
  MailAttachment,
  MailKind,
  MailMessage,
  PatientMessage,
  RefundFacts,
  RenderedMail,
} from './message.js';
