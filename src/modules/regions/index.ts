/** What the regions module offers the rest of the application; its other files are its own. */
export { isNutsCode, Region } from './region.entity';
export { createRegionLoaders } from './region.loaders';
export { RegionResolver } from './region.resolver';
export { RegionService } from './region.service';
