/**
 * Everything on our pages that came from a message goes through `escapeHtml`: a subject or a
 * sender's name can hold `<script>`. Escaping quotes too makes the result safe inside attributes
 * (the `srcdoc` of the HTML preview is one).
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A template tag that escapes every interpolated value except fragments it built itself. */
export function html(strings: TemplateStringsArray, ...values: (Html | Cell)[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += (value instanceof Html ? value.text : escapeHtml(value)) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

type Cell = string | number | null | undefined;

/** Markup we wrote ourselves (or already escaped), so `html` does not escape it again. */
export class Html {
  constructor(readonly text: string) {}
}

export const join = (parts: Html[], separator = ''): Html =>
  new Html(parts.map((part) => part.text).join(separator));
