import { afterEach, describe, expect, it, vi } from 'vitest';

const loadStripe = vi.fn((key: string) => Promise.resolve({ key }));
vi.mock('@stripe/stripe-js/pure', () => ({ loadStripe }));

/** Answers each injected script at once: loaded, or failed. */
function scriptsWill(outcome: 'load' | 'error') {
  const added: string[] = [];
  vi.spyOn(document.head, 'appendChild').mockImplementation((node) => {
    const script = node as HTMLScriptElement;
    added.push(script.src);
    queueMicrotask(() => {
      const handler = outcome === 'load' ? script.onload : script.onerror;
      handler?.call(script, new Event(outcome));
    });
    return node;
  });
  return added;
}

describe('getStripe', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
    loadStripe.mockClear();
  });

  it('adds the configured Stripe.js before loadStripe runs, once for every caller', async () => {
    const added = scriptsWill('load');
    const { getStripe } = await import('./load-stripe.js');
    const first = getStripe('http://127.0.0.1:12111/v3/stripe.js', 'pk_test_demo');
    expect(getStripe('http://127.0.0.1:12111/v3/stripe.js', 'pk_test_demo')).toBe(first);
    await expect(first).resolves.toEqual({ key: 'pk_test_demo' });
    expect(added).toEqual(['http://127.0.0.1:12111/v3/stripe.js']);
    expect(loadStripe).toHaveBeenCalledTimes(1);
  });

  it('leaves js.stripe.com to loadStripe when no source is configured', async () => {
    const added = scriptsWill('load');
    const { getStripe } = await import('./load-stripe.js');
    await getStripe(null, 'pk_live_x');
    expect(added).toEqual([]);
    expect(loadStripe).toHaveBeenCalledWith('pk_live_x');
  });

  it('forgets a failed load, so trying again really tries', async () => {
    scriptsWill('error');
    const { getStripe } = await import('./load-stripe.js');
    await expect(getStripe('http://127.0.0.1:1/v3/stripe.js', 'pk_test_demo')).rejects.toThrow(
      'Stripe.js could not be loaded',
    );
    vi.restoreAllMocks();
    const added = scriptsWill('load');
    await expect(
      getStripe('http://127.0.0.1:1/v3/stripe.js', 'pk_test_demo'),
    ).resolves.toBeTruthy();
    expect(added).toHaveLength(1);
  });
});
