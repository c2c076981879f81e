import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JSONScalar } from '../../shared/scalars';

/** What an audit entry records per changed field: its value before and after. */
export type AuditChanges = Record<string, { old: unknown; new: unknown }>;

/**
 * One accepted change: who (the API key's name), when, which mutation, on what, and the
 * changed fields' old and new values. Written in the same transaction as the change, so
 * the trail holds exactly the changes that happened. Never updated or deleted.
 */
@Entity('audit_entry')
@Index('idx_audit_entry_at', ['at', 'pk'])
@Index('idx_audit_entry_entity', ['entityId', 'at', 'pk'])
@ObjectType('AuditEntry', { description: 'One accepted change in the audit trail: who, when, which mutation, what changed.', simpleResolvers: true })
export class AuditEntry {
  @PrimaryGeneratedColumn({ name: 'id' })
  pk!: number;

  /** Epoch milliseconds; GraphQL shows it in UTC (AuditResolver.at). */
  @Column({ type: 'bigint' })
  at!: number;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String, { description: 'Name of the API key that made the change.' })
  actor!: string;

  @Column({ type: 'varchar', length: 64 })
  @Field(() => String, { description: 'The mutation that made it, e.g. updateEvent.' })
  action!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 32 })
  @Field(() => String, { description: 'GraphQL type of the changed object, e.g. Event.' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  @Field(() => ID, { description: 'Global id of the changed object.' })
  entityId!: string;

  @Column({ type: 'simple-json', nullable: true })
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'The changed fields, each as { "old": …, "new": … } (old is null for a field set by a creation).',
  })
  changes!: AuditChanges | null;
}
