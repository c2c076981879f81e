import type { Database } from '../db/database';
import type { Services } from './services';

type Rebind = { property: string; to: 'db' | keyof Services };

/**
 * Per-request copies of the process's services that send their SQL through a request's
 * database view (countingDatabase), so every statement is counted for the request that
 * caused it. The services stay made once per process: a request's copy is an object whose
 * prototype is the shared service, with only its database (and any service it holds, such
 * as `audit`) replaced, made on the request's first use of that service.
 */
export function requestServicesFactory(shared: Services): (db: Database) => Services {
  const keys = Object.keys(shared) as (keyof Services)[];
  const serviceKeyOf = new Map<unknown, keyof Services>(keys.map((k) => [shared[k], k]));
  const rebinds = new Map<keyof Services, Rebind[]>();
  for (const key of keys) {
    const value = shared[key] as unknown;
    if (value === shared.db || typeof value !== 'object' || value === null) continue;
    const list: Rebind[] = [];
    for (const [property, held] of Object.entries(value)) {
      if (held === shared.db) list.push({ property, to: 'db' });
      else if (serviceKeyOf.has(held)) list.push({ property, to: serviceKeyOf.get(held)! });
    }
    rebinds.set(key, list);
  }

  class RequestServices {
    readonly made = new Map<keyof Services, unknown>();
    constructor(readonly db: Database) {}

    get(key: keyof Services): unknown {
      let service = this.made.get(key);
      if (service === undefined) {
        const list = rebinds.get(key);
        if (!list || list.length === 0) return shared[key];
        service = Object.create(shared[key] as object);
        this.made.set(key, service);
        for (const r of list) {
          (service as Record<string, unknown>)[r.property] = r.to === 'db' ? this.db : this.get(r.to);
        }
      }
      return service;
    }
  }
  for (const key of keys) {
    if (key === 'db') continue;
    Object.defineProperty(RequestServices.prototype, key, {
      get(this: RequestServices) { return this.get(key); },
    });
  }
  return (db) => new RequestServices(db) as unknown as Services;
}
