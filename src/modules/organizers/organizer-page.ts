import { checkPageSize, decodeCursor, encodeCursor, pageInfoOf, type PageInfo } from '../../shared/pagination';
import { once } from '../../shared/connection';
import type { OrganizerService } from './organizer.service';
import type { Organizer, OrganizerKind } from './organizer.entity';
import { checkOrganizerFilter, type OrganizerFilter } from './organizer-filter';

/** Arguments of the organiser lists (initiatives, networks): which ones, and the page. */
export interface OrganizerListArgs extends OrganizerFilter {
  first: number;
  after?: string | null;
}

/** A page of organisers of one kind by name, keyset-paged; the pieces a connection needs. */
export async function organizerPage<T extends Organizer>(
  service: OrganizerService, kind: OrganizerKind, args: OrganizerListArgs,
): Promise<{ items: T[]; pageInfo: PageInfo; count: () => Promise<number>; cursorOf: (o: T) => string }> {
  const first = checkPageSize(args.first);
  const filter: OrganizerFilter = { level: args.level, scope: args.scope, region: args.region, name: args.name };
  checkOrganizerFilter(filter);
  const order = `${kind}_NAME`;
  const after = args.after == null ? null : decodeCursor(args.after, order, { kind: 'text', maxLength: 300 });
  const rows = (await service.pageOfKind(kind, filter, first, after as { value: string; id: number } | null)) as T[];
  const cursorOf = (o: T) => encodeCursor(order, { value: o.nameSort, id: o.pk });
  const { items, pageInfo } = pageInfoOf(rows, first, after !== null, cursorOf);
  return { items, pageInfo, cursorOf, count: once(() => service.countOfKind(kind, filter)) };
}
