import { CreateClusterGraph1764000000000 } from '../../migrations/1764000000000-CreateClusterGraph';
import { LoadNutsRegions1764000000001 } from '../../migrations/1764000000001-LoadNutsRegions';
import { EventSearch1764000000002 } from '../../migrations/1764000000002-EventSearch';
import { ApiKeys1764000000003 } from '../../migrations/1764000000003-ApiKeys';
import { EventWritesAndAudit1764000000004 } from '../../migrations/1764000000004-EventWritesAndAudit';
import { EventCategoryIndexes1764000000005 } from '../../migrations/1764000000005-EventCategoryIndexes';
import { Sources1764000000006 } from '../../migrations/1764000000006-Sources';
import { EventContactAndAllDay1764000000007 } from '../../migrations/1764000000007-EventContactAndAllDay';
import { EventDuplicateOf1764000000101 } from '../../migrations/1764000000101-EventDuplicateOf';
import { EventSearchTermCounts1764000000102 } from '../../migrations/1764000000102-EventSearchTermCounts';
import { EventCancellationOrigin1764000000103 } from '../../migrations/1764000000103-EventCancellationOrigin';
import { EventChangeLog1764000000104 } from '../../migrations/1764000000104-EventChangeLog';

/** Every migration, oldest first. A new migration file is added here too. */
export const MIGRATIONS = [CreateClusterGraph1764000000000, LoadNutsRegions1764000000001, EventSearch1764000000002, ApiKeys1764000000003, EventWritesAndAudit1764000000004, EventCategoryIndexes1764000000005, Sources1764000000006, EventContactAndAllDay1764000000007, EventDuplicateOf1764000000101, EventSearchTermCounts1764000000102, EventCancellationOrigin1764000000103, EventChangeLog1764000000104];
