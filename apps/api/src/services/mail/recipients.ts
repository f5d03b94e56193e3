/** Where clinic notices go: the addresses the admin named, else the clinic's contact e-mail. */
export function noticeRecipients(clinic: {
  notice_emails: string;
  clinic_email: string;
}): string[] {
  const named = clinic.notice_emails
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  if (named.length > 0) return named;
  return clinic.clinic_email ? [clinic.clinic_email] : [];
}
