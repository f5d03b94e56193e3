/** @jsxRuntime automatic @jsxImportSource react */
import { Section, Text } from '@react-email/components';
import { Fragment } from 'react';
import { detailLabel, details, panel } from './styles.js';

/** A label and its value; a row without a value is left out. */
export type DetailRow = readonly [label: string, value: string | null];

/** A panel of "Label: value" lines; they read the same in the HTML and the plain text. */
export function Details({ rows }: { rows: readonly DetailRow[] }) {
  const shown = rows.filter(
    (row): row is readonly [string, string] => row[1] !== null && row[1] !== '',
  );
  return (
    <Section style={panel}>
      <Text style={details}>
        {shown.map(([label, value], index) => (
          <Fragment key={label}>
            {index > 0 && <br />}
            <span style={detailLabel}>{label}:</span> {value}
          </Fragment>
        ))}
      </Text>
    </Section>
  );
}
