/** Whether the API at `url` answers its health check now; a refused connection counts as no. */
export function answersHealthz(url: string): Promise<boolean> {
  return fetch(`${url}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
}
