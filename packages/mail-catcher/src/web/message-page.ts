/** `GET /messages/:id`: the headers, the HTML as the recipient would see it, the text, the files. */
import type { CaughtMessage } from '../caught-message';
import { html, join, type Html } from './html-escape';
import { page, shortTime } from './layout';

export function renderMessage(m: CaughtMessage): string {
  const base = `/messages/${m.id}`;
  const subject = m.subject || '(no subject)';
  return page(
    subject,
    html`<p><a href="/">All messages</a> · <a href="${base}/raw">Raw source</a></p>
      <h1>${subject}</h1>
      <dl>
        <dt>From</dt>
        <dd>${m.from}</dd>
        <dt>To</dt>
        <dd>${m.to.join(', ')}</dd>
        <dt>Subject</dt>
        <dd>${m.subject}</dd>
        <dt>Date</dt>
        <dd>${m.date ?? m.headers.date ?? ''}</dd>
        <dt>Message-ID</dt>
        <dd>${m.messageId}</dd>
        <dt>Received</dt>
        <dd>${shortTime(m.receivedAt)}</dd>
      </dl>
      <section>
        <h2>HTML</h2>
        ${htmlPreview(m.html)}
      </section>
      <section>
        <h2>Text</h2>
        ${m.text ? html`<pre>${m.text}</pre>` : html`<p>No text part.</p>`}
      </section>
      <section>
        <h2>Attachments</h2>
        ${attachmentList(m, base)}
      </section>
      <section>
        <details>
          <summary>All headers</summary>
          <table>
            <tbody>
              ${join(
                Object.entries(m.headers).map(
                  ([name, value]) =>
                    html`<tr>
                      <th>${name}</th>
                      <td>${value}</td>
                    </tr>`,
                ),
              )}
            </tbody>
          </table>
        </details>
      </section>`,
  );
}

/**
 * The message's HTML in a sandboxed srcdoc frame: no scripts, an opaque origin, and its styles stay
 * inside. Links open in a new tab (the `<base>`), since the frame itself may only show the message.
 */
function htmlPreview(body: string | null): Html {
  if (body === null) return html`<p>No HTML part.</p>`;
  return html`<iframe
    title="HTML body"
    sandbox="allow-popups allow-popups-to-escape-sandbox"
    srcdoc="${`<base target="_blank">${body}`}"
  ></iframe>`;
}

function attachmentList(m: CaughtMessage, base: string): Html {
  if (m.attachments.length === 0) return html`<p>None.</p>`;
  const items = m.attachments.map(
    (a, index) =>
      html`<li>
        <a href="${base}/attachments/${index}" download="${a.filename}">${a.filename}</a>
        (${a.contentType}, ${a.size} bytes)
      </li>`,
  );
  return html`<ul>
    ${join(items)}
  </ul>`;
}
