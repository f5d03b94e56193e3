export { renderMail, type RenderOptions } from './render.js';
export {
  createRenderPool,
  renderWorkerFromSource,
  type RenderPool,
  type RenderPoolOptions,
} from './render-pool.js';
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
