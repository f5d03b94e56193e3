import { describe, expect, it } from 'vitest';
import { RequestLog, type LoggedRequest } from './request-log';

const entry = (id: string, params: LoggedRequest['params'] = null): LoggedRequest => ({
  id,
  at: 0,
  method: 'POST',
  path: '/v1/checkout/sessions',
  status: 200,
  mode: 'test',
  idempotencyKey: null,
  replayed: false,
  errorCode: null,
  params,
});

describe('RequestLog', () => {
  it('keeps the newest requests up to its capacity', () => {
    const log = new RequestLog({ capacity: 3 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) log.add(entry(id));
    expect(log.list().map((e) => e.id)).toEqual(['c', 'd', 'e']);
  });

  it('drops the oldest requests once their parameters pass the byte budget', () => {
    const log = new RequestLog({ capacity: 100, maxParamBytes: 1000 });
    for (const id of ['a', 'b', 'c']) log.add(entry(id, { x: 'y' }), 400);
    expect(log.list().map((e) => e.id)).toEqual(['b', 'c']);
    log.add(entry('d'), 0);
    expect(log.list().map((e) => e.id)).toEqual(['b', 'c', 'd']);
  });

  it('keeps the newest request even when it alone is over the budget', () => {
    const log = new RequestLog({ maxParamBytes: 10 });
    log.add(entry('a'), 5);
    log.add(entry('huge'), 50);
    expect(log.list().map((e) => e.id)).toEqual(['huge']);
    log.add(entry('small'), 1);
    expect(log.list().map((e) => e.id)).toEqual(['small']);
  });

  it('forgets everything on clear', () => {
    const log = new RequestLog({ maxParamBytes: 10 });
    log.add(entry('a'), 9);
    log.clear();
    log.add(entry('b'), 9);
    expect(log.list().map((e) => e.id)).toEqual(['b']);
  });
});
