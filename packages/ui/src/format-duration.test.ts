import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.js';

describe('formatDuration', () => {
  it('shows minutes under an hour', () => {
    expect(formatDuration(45)).toBe('45 min');
  });
  it('shows whole hours without minutes', () => {
    expect(formatDuration(120)).toBe('2 h');
  });
  it('shows hours and minutes', () => {
    expect(formatDuration(90)).toBe('1 h 30 min');
  });
});
