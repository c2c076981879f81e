import type { RegionService } from './region.service';
import type { createRegionLoaders } from './region.loaders';

type RegionLoaders = ReturnType<typeof createRegionLoaders>;

// What the regions module adds to every request's context (see src/shared/request-context.ts).
declare module '../../shared/request-context' {
  interface RequestServices {
    regions: RegionService;
  }
  interface RequestLoaders extends RegionLoaders {}
}
