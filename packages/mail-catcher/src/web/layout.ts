import { html, Html } from './html-escape';

const STYLE = `body{font:14px system-ui,sans-serif;margin:2rem;color:#1a1a1a;max-width:72rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f6}td.time{font-family:ui-monospace,monospace;font-size:12px;white-space:nowrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 1rem}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
section{margin-top:2rem}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f4f6;padding:1rem}
iframe{width:100%;height:70vh;border:1px solid #ddd;resize:vertical;background:#fff}
form{display:inline}`;

export function page(title: string, body: Html, options: { refreshSeconds?: number } = {}): string {
  const refresh = options.refreshSeconds
    ? html`<meta http-equiv="refresh" content="${options.refreshSeconds}" />`
    : html``;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        ${refresh}
        <title>${title}</title>
        <style>
          ${new Html(STYLE)}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`.text;
}

/** Received times in UTC, to the second: a list scanned by eye, not a calendar. */
export const shortTime = (iso: string): string => `${iso.replace('T', ' ').slice(0, 19)} UTC`;
