/** @jsxRuntime automatic @jsxImportSource react */
import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import type { ReactNode } from 'react';
import type { ClinicContact } from '../message.js';
import * as s from './parts/styles.js';

/** Every message: the clinic's name on top, the body, and how to reach the clinic below. */
export function Layout({
  clinic,
  preview,
  heading,
  children,
}: {
  clinic: ClinicContact;
  /** The line inboxes show after the subject. */
  preview: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={s.page}>
        <Container style={s.card}>
          <Section style={s.header}>
            <Text style={s.clinicName}>{clinic.name}</Text>
          </Section>
          <Section style={s.content}>
            <Heading as="h1" style={s.heading}>
              {heading}
            </Heading>
            {children}
          </Section>
          <Hr style={s.rule} />
          <Footer clinic={clinic} />
        </Container>
      </Body>
    </Html>
  );
}

function Footer({ clinic }: { clinic: ClinicContact }) {
  return (
    <Section style={s.footer}>
      <Text style={s.footerText}>
        {clinic.name}
        <br />
        {clinic.address}
        <br />
        <Link href={`mailto:${clinic.email}`} style={s.footerLink}>
          {clinic.email}
        </Link>
        {clinic.phone && (
          <>
            {' · '}
            <Link href={`tel:${clinic.phone}`} style={s.footerLink}>
              {clinic.phone}
            </Link>
          </>
        )}
      </Text>
    </Section>
  );
}
