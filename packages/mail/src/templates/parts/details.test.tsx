import { render } from '@react-email/components';
import { describe, expect, it } from 'vitest';
import { Details } from './details.js';

describe('Details', () => {
  it('writes one "Label: value" line per row and leaves out rows without a value', async () => {
    const text = await render(
      <Details
        rows={[
          ['Patient', 'Jane Doe'],
          ['Phone', null],
          ['E-mail', ''],
          ['Status', 'Confirmed'],
        ]}
      />,
      { plainText: true },
    );
    expect(text.trim()).toBe('Patient: Jane Doe\nStatus: Confirmed');
  });
});
