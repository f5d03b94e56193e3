/** @jsxRuntime automatic @jsxImportSource react */
import { Button, Section } from '@react-email/components';
import { button, buttonRow } from './styles.js';

/** The one thing the reader can do next, as a link styled like a button. */
export function ActionButton({ href, children }: { href: string; children: string }) {
  return (
    <Section style={buttonRow}>
      <Button href={href} style={button}>
        {children}
      </Button>
    </Section>
  );
}
