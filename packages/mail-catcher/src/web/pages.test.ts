import { describe, expect, it } from 'vitest';
import { bookingMail, send, startTestCatcher } from '../test/helpers';
import { PAGE_POLICY } from './respond';

const SCRIPT = '<script>alert("owned")</script>';

async function get(url: string) {
  const response = await fetch(url);
  return { response, body: await response.text() };
}

describe('the web pages', () => {
  it('list messages newest first, with a count and a Clear button, escaping what came in the mail', async () => {
    const catcher = await startTestCatcher();
    await send(catcher, bookingMail({ subject: 'First' }));
    await send(
      catcher,
      bookingMail({ subject: `Hi ${SCRIPT}`, from: `"${SCRIPT}" <evil@example.com>` }),
    );

    const { response, body } = await get(`${catcher.url}/`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(PAGE_POLICY);
    expect(body).toContain('2 messages caught');
    expect(body).toContain('<form method="post" action="/clear">');
    expect(body).not.toContain('<script');
    expect(body).toContain('Hi &lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;');
    expect(body.indexOf('href="/messages/2"')).toBeLessThan(body.indexOf('href="/messages/1"'));
  });

  it('POST /clear empties the catcher and goes back to the list', async () => {
    const catcher = await startTestCatcher();
    await send(catcher);
    const response = await fetch(`${catcher.url}/clear`, { method: 'POST', redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(catcher.messages()).toEqual([]);
    expect((await get(`${catcher.url}/`)).body).toContain('0 messages caught');
  });

  it('show one message: headers, the HTML in a sandboxed srcdoc frame, the text, all escaped', async () => {
    const catcher = await startTestCatcher();
    await send(
      catcher,
      bookingMail({
        subject: SCRIPT,
        messageId: '<page@clinicpay.localhost>',
        html: `<style>body{background:red}</style><p>Hello</p>${SCRIPT}`,
        text: `Plain ${SCRIPT}`,
      }),
    );
    const { response, body } = await get(`${catcher.url}/messages/1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(PAGE_POLICY);
    expect(body).not.toContain('<script');
    expect(body).not.toContain('<style>body{background:red}');
    expect(body).toContain('&lt;page@clinicpay.localhost&gt;');
    const iframe = /<iframe[^>]*>/.exec(body)?.[0] ?? '';
    expect(iframe).toContain('sandbox="allow-popups allow-popups-to-escape-sandbox"');
    expect(iframe).toContain(
      'srcdoc="&lt;base target=&quot;_blank&quot;&gt;&lt;style&gt;body{background:red}&lt;/style&gt;&lt;p&gt;Hello&lt;/p&gt;&lt;script&gt;',
    );
    expect(body).toContain(
      '<pre>Plain &lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;</pre>',
    );
    expect(body).toContain('href="/messages/1/raw"');
  });

  it('serve an attachment as a download with its type and content, and the raw source as text', async () => {
    const catcher = await startTestCatcher();
    const ics = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
    await send(
      catcher,
      bookingMail({
        attachments: [
          { filename: 'notes.txt', content: 'first' },
          { filename: 'rendez-vous été.ics', content: ics, contentType: 'text/calendar' },
        ],
      }),
    );
    const page = (await get(`${catcher.url}/messages/1`)).body;
    expect(page).toContain('href="/messages/1/attachments/1" download="rendez-vous été.ics"');

    const { response, body } = await get(`${catcher.url}/messages/1/attachments/1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="rendez-vous _t_.ics"; filename*=UTF-8''rendez-vous%20%C3%A9t%C3%A9.ics`,
    );
    expect(body).toBe(ics);

    const raw = await get(`${catcher.url}/messages/1/raw`);
    expect(raw.response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(raw.body).toBe(catcher.messages()[0]?.raw);
  });

  it('answer 404 for a message or attachment that is not there', async () => {
    const catcher = await startTestCatcher();
    await send(catcher);
    for (const path of ['/messages/2', '/messages/1/attachments/0', '/nowhere']) {
      const { response, body } = await get(`${catcher.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(body).toContain('Not found');
    }
  });
});
