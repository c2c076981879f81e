import { BadUserInputError } from '../../shared/errors';
import { checkPageSize, decodeCursor, encodeCursor, pageInfoOf, type PageInfo } from '../../shared/pagination';
import { foldText } from '../../shared/text-fold';
import { once } from '../../shared/connection';
import type { OrganizerService } from './organizer.service';
import type { Organizer, OrganizerKind } from './organizer.entity';
import { isNutsCode } from '../regions/region.entity';
import { quote } from '../../shared/quote';

/** Arguments shared by the organiser lists (initiatives, networks). */
export interface OrganizerListArgs {
  region?: string | null;
  first: number;
  after?: string | null;
  /** Extra SQL on alias o and its parameters. */
  conditions?: string[];
  params?: (string | number)[];
  text?: string | null;
}

/** A page of organisers of one kind by name, keyset-paged; the pieces a connection needs. */
export async function organizerPage<T extends Organizer>(
  service: OrganizerService, kind: OrganizerKind, args: OrganizerListArgs,
): Promise<{ items: T[]; pageInfo: PageInfo; count: () => Promise<number>; cursorOf: (o: T) => string }> {
  const first = checkPageSize(args.first);
  const conditions = [...(args.conditions ?? [])];
  const params = [...(args.params ?? [])];
  if (args.region != null) {
    const code = args.region.trim().toUpperCase();
    if (!isNutsCode(code)) throw new BadUserInputError(`region must be a NUTS code such as DE1, got ${quote(args.region)}.`, 'region');
    conditions.push('o.region_code LIKE ?');
    params.push(`${code}%`);
  }
  if (args.text != null && args.text.trim() !== '') {
    conditions.push('o.name_sort LIKE ?');
    params.push(`%${foldText(args.text)}%`);
  }
  const order = `${kind}_NAME`;
  const after = args.after == null ? null : decodeCursor(args.after, order, { kind: 'text', maxLength: 300 });
  const rows = (await service.pageOfKind(kind, conditions, params, first, after as { value: string; id: number } | null)) as T[];
  const cursorOf = (o: T) => encodeCursor(order, { value: o.nameSort, id: o.pk });
  const { items, pageInfo } = pageInfoOf(rows, first, after !== null, cursorOf);
  return { items, pageInfo, cursorOf, count: once(() => service.countOfKind(kind, conditions, params)) };
}
