/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { paragraph } from './styles.js';

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={paragraph}>{children}</Text>;
}
