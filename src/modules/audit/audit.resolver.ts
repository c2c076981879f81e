import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../shared/viewer';
import { DateTimeScalar } from '../../shared/scalars';
import { formatUtc } from '../../shared/time';
import type { RequestContext } from '../../shared/request-context';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryConnection } from './audit.types';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first (admins only).' })
  auditLog(
    @Arg('entityId', () => ID, { nullable: true, description: 'Only the changes of this object (its global id).' }) entityId: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 0–100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts (a previous page\'s endCursor).' }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditEntryConnection> {
    return ctx.services.audit.page({ entityId: entityId ?? null, first: first ?? 20, after: after ?? null });
  }

  @FieldResolver(() => DateTimeScalar, { description: 'When the change was made, in UTC.' })
  at(@Root() e: AuditEntry): string {
    return formatUtc(e.at);
  }
}
