import { manyByKey, oneByKey } from '../../shared/loaders';
import type { RegionService } from './region.service';

/** Per-request loaders of regions. */
export function createRegionLoaders(service: RegionService) {
  return {
    regionByCode: oneByKey((codes: readonly string[]) => service.byCodes(codes), (r) => r.code),
    regionsByParent: manyByKey((codes: readonly string[]) => service.childrenOf(codes)),
  };
}
