// A manual look at the admin against the test stack: `pnpm exec tsx admin/support/dev-stack.ts`
// prints the addresses and keeps running until Ctrl+C (used while building the pages).
import { startAdminStack } from './admin-stack.js';
import { book } from './bookings.js';

const stack = await startAdminStack();
// A few rows to look at: card payments, one refunded in part, pay at clinic, an unpaid hold.
const people = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Katherine Johnson',
  'Edsger Dijkstra',
];
for (const [i, name] of people.entries()) {
  const patient = {
    name,
    email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
    phone: '+1 212 555 0100',
  };
  await book(stack, patient, i === 3 ? { method: 'pay_at_clinic' } : i === 4 ? { pay: false } : {});
}
console.log(
  JSON.stringify({
    admin: stack.adminUrl,
    patient: stack.patientUrl,
    api: stack.api.url,
    stripe: stack.stripe.url,
  }),
);
const stop = () => void stack.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
