import { manyByKey, oneByKey, type BatchReport } from '../../shared/loaders';
import type { RegionService } from './region.service';

/** Per-request loaders of regions. */
export function createRegionLoaders(service: RegionService, report?: BatchReport) {
  return {
    regionByCode: oneByKey('regionByCode', report, (codes: readonly string[]) => service.byCodes(codes), (r) => r.code),
    regionsByParent: manyByKey('regionsByParent', report, (codes: readonly string[]) => service.childrenOf(codes)),
  };
}
