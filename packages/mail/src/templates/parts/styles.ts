// Inline styles (what e-mail clients keep): one centred card, the product's teal, system fonts.
import type { CSSProperties } from 'react';

const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export const colors = {
  brand: '#0f766e',
  ink: '#0f172a',
  body: '#334155',
  muted: '#64748b',
  line: '#e2e8f0',
  panel: '#f8fafc',
  page: '#f1f5f9',
} as const;

export const page: CSSProperties = {
  backgroundColor: colors.page,
  fontFamily: font,
  margin: 0,
  padding: '24px 12px',
};

export const card: CSSProperties = {
  maxWidth: '560px',
  backgroundColor: '#ffffff',
  border: `1px solid ${colors.line}`,
  borderRadius: '12px',
};

export const header: CSSProperties = {
  padding: '20px 28px',
  borderBottom: `1px solid ${colors.line}`,
};

export const clinicName: CSSProperties = {
  margin: 0,
  color: colors.brand,
  fontSize: '18px',
  lineHeight: '24px',
  fontWeight: 700,
};

export const content: CSSProperties = { padding: '8px 28px 8px' };

export const heading: CSSProperties = {
  margin: '20px 0 12px',
  color: colors.ink,
  fontSize: '22px',
  lineHeight: '30px',
  fontWeight: 700,
};

export const paragraph: CSSProperties = {
  margin: '0 0 16px',
  color: colors.body,
  fontSize: '16px',
  lineHeight: '24px',
};

export const panel: CSSProperties = {
  margin: '4px 0 20px',
  padding: '14px 16px',
  backgroundColor: colors.panel,
  border: `1px solid ${colors.line}`,
  borderRadius: '8px',
};

export const details: CSSProperties = {
  margin: 0,
  color: colors.ink,
  fontSize: '15px',
  lineHeight: '26px',
};

export const detailLabel: CSSProperties = { color: colors.muted };

export const button: CSSProperties = {
  display: 'inline-block',
  padding: '12px 20px',
  backgroundColor: colors.brand,
  borderRadius: '8px',
  color: '#ffffff',
  fontSize: '16px',
  fontWeight: 600,
  lineHeight: '20px',
  textDecoration: 'none',
};

export const buttonRow: CSSProperties = { margin: '4px 0 20px' };

export const rule: CSSProperties = { margin: 0, borderColor: colors.line };

export const footer: CSSProperties = { padding: '16px 28px 20px' };

export const footerText: CSSProperties = {
  margin: 0,
  color: colors.muted,
  fontSize: '13px',
  lineHeight: '20px',
};

export const footerLink: CSSProperties = { color: colors.muted, textDecoration: 'underline' };
