import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../logger';
import type { GatewayMetrics } from './metrics';
import { attachRecord, newRequestRecord, type RequestRecord } from './request-record';

/** Probes answer every few seconds: their lines are at debug, not info. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Starts watching one request: gives it a record and an `X-Request-Id` response header,
 * and when the response is done (or the client left) writes its one log line and its
 * metrics. The line holds the id, method, route, operation name, status, duration, SQL
 * statement count, error codes and the viewer's role; never headers, keys or variables.
 */
export function observeRequest(req: IncomingMessage, res: ServerResponse, logger: Logger, metrics: GatewayMetrics): RequestRecord {
  const record = newRequestRecord(req);
  attachRecord(res, record);
  record.onBatch = metrics.onBatch;
  res.setHeader('x-request-id', record.id);
  metrics.inFlight.inc();
  res.once('close', () => {
    metrics.inFlight.dec();
    const seconds = Number(process.hrtime.bigint() - record.startedAt) / 1e9;
    const status = res.statusCode;
    metrics.requestDone(record, status, seconds);
    const level = record.logLevel ?? (status >= 500 ? 'error' : PROBES.has(record.route) ? 'debug' : 'info');
    if (!logger.isLevelEnabled(level)) return;
    logger[level]({
      reqId: record.id,
      method: record.method,
      route: record.route,
      operation: record.operationName,
      status,
      durationMs: Math.round(seconds * 1e6) / 1e3,
      sqlStatements: record.sqlStatements,
      errors: record.errorCodes.length ? record.errorCodes : undefined,
      role: record.role,
      aborted: res.writableFinished ? undefined : true,
    }, 'request');
  });
  return record;
}
