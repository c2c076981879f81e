import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../../db/database';
import { postgresPoolOf } from '../../db/driver-handles';
import { sqlStatementsSent } from '../../db/query-stats';
import { PUBLIC_ERROR_CODES } from '../../shared/errors';
import type { RequestRecord } from './request-record';

/** Distinct operation names a histogram keeps before further new names count as `other`. */
export const MAX_OPERATION_LABELS = 200;

/** A GraphQL name of at most 64 characters: anything else is never a label. */
const SANE_OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** prom-client's default gauges named like counters (prom-client 15). */
const UNLINTED_DEFAULTS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The gateway's Prometheus metrics (prom-client), on a registry of its own so that two
 * gateways in one process (tests) count apart. Labels are bounded: routes are a fixed set,
 * operation names pass a pattern and a cap, error codes are the contract's.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly httpDuration: Histogram<'route' | 'status'>;
  private readonly graphqlDuration: Histogram<'operation'>;
  private readonly errors: Counter<'code'>;
  private readonly batchSizes: Histogram<'loader'>;
  readonly inFlight: Gauge;

  constructor(db: Database) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    // promtool check metrics: a gauge must not end in _total. These three are the sums of
    // nodejs_active_handles, _requests and _resources (by type), which stay: sum() them.
    for (const name of UNLINTED_DEFAULTS) this.registry.removeSingleMetric(name);
    this.httpDuration = new Histogram({
      name: 'clustergraph_http_request_duration_seconds', help: 'Time from request to the end of the response, by route and HTTP status.',
      labelNames: ['route', 'status'], buckets: SECONDS, registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'clustergraph_graphql_request_duration_seconds',
      help: 'GraphQL request duration by operation name ("anonymous" without one, "other" for names past the cap or not a GraphQL name).',
      labelNames: ['operation'], buckets: SECONDS, registers,
    });
    this.errors = new Counter({ name: 'clustergraph_errors_total', help: 'Errors in responses, by extensions.code.', labelNames: ['code'], registers });
    this.batchSizes = new Histogram({
      name: 'clustergraph_dataloader_batch_size', help: 'Keys per DataLoader batch (one batch is one SQL statement or a few), by loader.',
      labelNames: ['loader'], buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], registers,
    });
    this.inFlight = new Gauge({ name: 'clustergraph_http_requests_in_flight', help: 'Requests being served right now.', registers });
    let reported = sqlStatementsSent();
    new Counter({
      name: 'clustergraph_sql_statements_total', help: 'SQL statements this process sent to the database.', registers,
      collect() {
        const now = sqlStatementsSent();
        this.inc(now - reported);
        reported = now;
      },
    });
    const pool = postgresPoolOf(db.dataSource);
    const sqliteConnections = db.dataSource.options.database === ':memory:' ? 1 : 2; // reader, and the writer of a file
    new Gauge({
      name: 'clustergraph_db_connections',
      help: 'Database connections: PostgreSQL pool total, idle and waiting clients; SQLite open connections (total).',
      labelNames: ['state'], registers,
      collect() {
        if (pool) {
          this.set({ state: 'total' }, pool.totalCount);
          this.set({ state: 'idle' }, pool.idleCount);
          this.set({ state: 'waiting' }, pool.waitingCount);
        } else {
          this.set({ state: 'total' }, db.dataSource.isInitialized ? sqliteConnections : 0);
        }
      },
    });
  }

  /** The operation label for a name: itself if sane and within the cap, else `anonymous` or `other`. */
  operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (!SANE_OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }

  /** Records a finished request. */
  requestDone(record: RequestRecord, status: number, seconds: number): void {
    this.httpDuration.observe({ route: record.route, status: String(status) }, seconds);
    if (record.route === '/graphql') this.graphqlDuration.observe({ operation: this.operationLabel(record.operationName) }, seconds);
    for (const code of record.errorCodes) this.errors.inc({ code: PUBLIC_ERROR_CODES.has(code) ? code : 'OTHER' });
  }

  /** Records one DataLoader batch (a bound function: requests hold it in their record). */
  readonly onBatch = (loader: string, size: number): void => {
    this.batchSizes.observe({ loader }, size);
  };

  /** The text exposition of every metric. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
