import { CreateClusterGraph1764000000000 } from '../../migrations/1764000000000-CreateClusterGraph';
import { LoadNutsRegions1764000000001 } from '../../migrations/1764000000001-LoadNutsRegions';

/** Every migration, oldest first. A new migration file is added here too. */
export const MIGRATIONS = [CreateClusterGraph1764000000000, LoadNutsRegions1764000000001];
