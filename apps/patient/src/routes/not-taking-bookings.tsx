/** Instead of the wizard, while the clinic has no bookable service, doctor or way to pay yet. */
export function NotTakingBookings({
  clinic,
}: {
  clinic: { name: string; contactPhone: string } | undefined;
}) {
  const who = clinic?.name ?? 'This clinic';
  const call = clinic?.contactPhone ? ` Please call ${clinic.contactPhone} to book.` : '';
  return (
    <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-800 sm:p-5">
      {who} is not taking online bookings yet.{call}
    </p>
  );
}
