// The public catalogue reads are answered from a per-replica cache (services/catalogue/
// catalogue-cache.ts, http/catalogue-reads.ts): an admin's save shows at once on the replica that
// saved it and within a second on another replica of the same database; answers carry an ETag and
// a browser's current copy gets a 304; the fast path sends what tRPC itself would.
import { DEFAULT_CANCELLATION_POLICY } from '@clinicpay/contracts';
import { createLogger } from '../src/logger.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../src/bootstrap.js';
import { DEMO_CLINIC, DEMO_DOCTORS, DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { startServer, type RunningServer } from '../src/server.js';
import { startTestApi, type TestApi } from '../src/testing.js';
import { adminCaller, signIn } from './support/admin-http.js';

const [okafor] = DEMO_DOCTORS;
const [consultation] = DEMO_SERVICES;

let api: TestApi;
/** A second API process's worth: its own runtime (pool, cache) and server, the same database. */
let replica: { runtime: Runtime; server: RunningServer };
let admin: ReturnType<typeof adminCaller>;

beforeAll(async () => {
  api = await startTestApi();
  const runtime = await openRuntime(api.config, {
    logger: createLogger({ level: 'silent' }),
  });
  replica = { runtime, server: await startServer(runtime) };
  admin = adminCaller(api.runtime, await signIn(api.url));
});
afterAll(async () => {
  await replica?.server.stop();
  await replica?.runtime.close();
  await api?.stop();
});

interface Read {
  status: number;
  etag: string | null;
  cacheControl: string | null;
  contentType: string | null;
  text: string;
}

async function get(base: string, pathAndQuery: string, ifNoneMatch?: string): Promise<Read> {
  const response = await fetch(`${base}/trpc/${pathAndQuery}`, {
    headers: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {},
  });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    cacheControl: response.headers.get('cache-control'),
    contentType: response.headers.get('content-type'),
    text: await response.text(),
  };
}

const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(value))}`;
const doctorsOf = (serviceId: string) => `catalogue.doctors?${input({ serviceId })}`;
const dataOf = <T>(read: Read): T => (JSON.parse(read.text) as { result: { data: T } }).result.data;

type Clinic = { name: string };
type Service = { id: string; name: string; cancellationPolicy: string };
type Doctor = { id: string; name: string };

/** Polls `read` on the replica until `changed` holds; the time it took, in ms. */
async function msUntil(read: () => Promise<boolean>, limitMs = 3000): Promise<number> {
  const started = performance.now();
  while (!(await read())) {
    if (performance.now() - started > limitMs) throw new Error(`not visible after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - started;
}

describe('conditional GETs of the public catalogue reads', () => {
  it('answer with an ETag and no-cache, and 304 when the copy named is current', async () => {
    const first = await get(api.url, 'catalogue.services');
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"[\w-]+"$/);
    expect(first.cacheControl).toBe('no-cache');
    expect(dataOf<Service[]>(first)).toHaveLength(DEMO_SERVICES.length);

    const again = await get(api.url, 'catalogue.services', first.etag!);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.etag).toBe(first.etag);
    expect((await get(api.url, 'catalogue.services', `W/${first.etag}, "other"`)).status).toBe(304);
    expect((await get(api.url, 'catalogue.services', '"not-this-one"')).status).toBe(200);
    // Another replica computes the same answer, so a browser's copy stays good across replicas.
    expect((await get(replica.server.url, 'catalogue.services', first.etag!)).status).toBe(304);
  });

  it("send tRPC's own bytes, unbatched and batched as the SPA's link sends them", async () => {
    const batchPath = `catalogue.clinic,catalogue.services,catalogue.doctors?batch=1&${input({ 2: { serviceId: consultation.id } })}`;
    const fast = await get(api.url, batchPath);
    // Adding a read the cache does not keep sends the whole batch through tRPC.
    const viaTrpc = await get(
      api.url,
      `catalogue.clinic,catalogue.services,catalogue.doctors,catalogue.paymentMethods?batch=1&${input({ 2: { serviceId: consultation.id } })}`,
    );
    expect(fast.status).toBe(200);
    expect(fast.contentType).toBe(`${viaTrpc.contentType}; charset=utf-8`);
    expect(viaTrpc.etag).toBeNull();
    const trpcParts = (JSON.parse(viaTrpc.text) as unknown[]).slice(0, 3);
    expect(fast.text).toBe(JSON.stringify(trpcParts));
    expect((await get(api.url, 'catalogue.clinic')).text).toBe(JSON.stringify(trpcParts[0]));
    // The batch has an ETag of its own.
    expect(fast.etag).not.toBe((await get(api.url, 'catalogue.clinic')).etag);
    expect((await get(api.url, batchPath, fast.etag!)).status).toBe(304);
  });

  it("leave invalid input to tRPC's error answer", async () => {
    const bad = await get(api.url, doctorsOf('not-a-uuid'));
    expect(bad.status).toBe(400);
    expect(bad.etag).toBeNull();
    expect(bad.text).toContain('Choose a service from the list.');
  });
});

describe('an admin save', () => {
  const cases: {
    kind: string;
    path: string;
    save: () => Promise<unknown>;
    shows: (read: Read) => boolean;
  }[] = [
    {
      kind: 'the clinic profile',
      path: 'catalogue.clinic',
      save: () => admin.admin.clinic.update({ ...DEMO_CLINIC, name: 'Riverside Clinic (renamed)' }),
      shows: (r) => dataOf<Clinic>(r).name === 'Riverside Clinic (renamed)',
    },
    {
      kind: 'the policies',
      path: 'catalogue.services',
      save: () =>
        admin.admin.policies.save({
          scope: 'clinic',
          policy: {
            ...DEFAULT_CANCELLATION_POLICY,
            refundTiers: [{ hoursBefore: 4, percent: 50 }],
          },
        }),
      shows: (r) =>
        dataOf<Service[]>(r).every((s) => s.cancellationPolicy.includes('50% until 4 hours')),
    },
    {
      kind: 'a service',
      path: 'catalogue.services',
      save: () =>
        admin.admin.services.update({
          serviceId: consultation.id,
          name: 'General consultation (30 min)',
          durationMinutes: consultation.durationMinutes,
          price: { amount: consultation.priceAmount, currency: 'USD' },
        }),
      shows: (r) => dataOf<Service[]>(r).some((s) => s.name === 'General consultation (30 min)'),
    },
    {
      kind: 'a doctor',
      path: doctorsOf(consultation.id),
      save: () =>
        admin.admin.doctors.update({
          doctorId: okafor.id,
          name: 'Dr. Amara Okafor-Reid',
          specialty: okafor.specialty,
          active: true,
        }),
      shows: (r) => dataOf<Doctor[]>(r).some((d) => d.name === 'Dr. Amara Okafor-Reid'),
    },
  ];

  for (const { kind, path, save, shows } of cases) {
    it(`of ${kind} shows at once where it was saved and within a second on another replica`, async () => {
      // Both replicas hold the answer from before the save, and keep giving it while nothing changes.
      const here = await get(api.url, path);
      const there = await get(replica.server.url, path);
      expect(shows(here)).toBe(false);
      expect(shows(there)).toBe(false);
      expect((await get(api.url, path, here.etag!)).status).toBe(304);

      await save();
      const after = await get(api.url, path);
      expect(shows(after)).toBe(true);
      expect(after.etag).not.toBe(here.etag);
      // The copy from before the save is no longer current.
      expect((await get(api.url, path, here.etag!)).status).toBe(200);

      const ms = await msUntil(async () => shows(await get(replica.server.url, path)));
      expect(ms).toBeLessThan(1000);
      expect((await get(replica.server.url, path, here.etag!)).status).toBe(200);
    });
  }

  it('turning a way to pay off on another replica stops bookings there within a second', async () => {
    const taking = async (url: string) =>
      dataOf<{ takingBookings: boolean }>(await get(url, 'catalogue.clinic')).takingBookings;
    expect(await taking(replica.server.url)).toBe(true);
    await admin.admin.gateways.setEnabled({ gateway: 'stripe', enabled: false });
    await admin.admin.gateways.setEnabled({ gateway: 'pay_at_clinic', enabled: false });
    expect(await taking(api.url)).toBe(false);
    expect(await msUntil(async () => !(await taking(replica.server.url)))).toBeLessThan(1000);
  });

  it('a change written to the tables by other means (CLI, SQL) shows within a second', async () => {
    const names = async () =>
      dataOf<Doctor[]>(await get(api.url, doctorsOf(consultation.id))).map((d) => d.id);
    expect(await names()).toContain(okafor.id);
    await api.db
      .deleteFrom('doctor_services')
      .where('doctor_id', '=', okafor.id)
      .where('service_id', '=', consultation.id)
      .execute();
    expect(await msUntil(async () => !(await names()).includes(okafor.id))).toBeLessThan(1000);
  });
});
