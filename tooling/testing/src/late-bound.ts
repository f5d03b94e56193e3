/**
 * A stand-in for something a `beforeAll` hook creates: a file's tests can name it at the top,
 * and every use reads the real one, which must exist by then.
 */
export function lateBound<T extends object>(read: () => T | undefined, what: string): T {
  const real = () => {
    const value = read();
    if (value === undefined) throw new Error(`${what} is used before the hook that starts it ran`);
    return value;
  };
  return new Proxy({} as T, {
    get(_, key) {
      const target = real();
      const value: unknown = Reflect.get(target, key);
      // Methods run on the real object, as they would if it were called directly.
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}
