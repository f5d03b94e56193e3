/** `GET /`: every caught message, newest first, each linking to its own page. */
import type { CaughtMessage } from '../caught-message';
import { html, join } from './html-escape';
import { page, shortTime } from './layout';

export function renderList(messages: CaughtMessage[], smtpUrl: string): string {
  const newestFirst = [...messages].reverse();
  const count = messages.length;
  const rows = newestFirst.map(
    (m) =>
      html`<tr>
        <td class="time">${shortTime(m.receivedAt)}</td>
        <td>${m.from}</td>
        <td>${m.to.join(', ')}</td>
        <td><a href="/messages/${m.id}">${m.subject || '(no subject)'}</a></td>
      </tr>`,
  );
  const table = count
    ? html`<table>
        <thead>
          <tr>
            <th>Received</th>
            <th>From</th>
            <th>To</th>
            <th>Subject</th>
          </tr>
        </thead>
        <tbody>
          ${join(rows, '\n')}
        </tbody>
      </table>`
    : html`<p>No mail yet.</p>`;
  return page(
    'Mail catcher',
    html`<h1>Mail catcher</h1>
      <p>
        ${count === 1 ? '1 message' : `${count} messages`} caught. Send to <code>${smtpUrl}</code>;
        this page refreshes every 5 seconds.
      </p>
      <form method="post" action="/clear"><button type="submit">Clear</button></form>
      <section>${table}</section>`,
    { refreshSeconds: 5 },
  );
}
