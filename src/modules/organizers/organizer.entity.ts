import { Field, InterfaceType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, TableInheritance } from 'typeorm';
import { Node, graphqlTypeOf } from '../../shared/node';
import { fromGlobalId, toGlobalId } from '../../shared/global-id';
import { Region } from '../regions';

/** The kinds of organiser, stored in organizer.kind. */
export type OrganizerKind = 'MINISTRY' | 'INITIATIVE' | 'NETWORK';

/** The GraphQL type (__typename) of each kind. */
export const TYPE_OF_KIND = { MINISTRY: 'Ministry', INITIATIVE: 'Initiative', NETWORK: 'Network' } as const;

/** The global id of an organiser of any kind, from its kind and key. */
export function organizerGlobalId(kind: OrganizerKind, key: number): string {
  return toGlobalId(TYPE_OF_KIND[kind], key);
}

/** The key and kind behind an organiser's global id (any kind), or null for anything else. */
export function organizerKeyOf(id: string): { key: number; kind: OrganizerKind } | null {
  const parsed = fromGlobalId(id);
  if (!parsed) return null;
  const kind = (Object.keys(TYPE_OF_KIND) as OrganizerKind[]).find((k) => TYPE_OF_KIND[k] === parsed.type);
  return kind ? { key: parsed.key, kind } : null;
}

/**
 * Whoever runs events: ministries, cluster initiatives and networks share one table
 * (single-table inheritance on `kind`), so an event's organisers are one join table with a
 * real foreign key and one loader, whatever their kind.
 */
@Entity('organizer')
@TableInheritance({ column: { type: 'varchar', name: 'kind', length: 16 } })
@Index('idx_organizer_kind_sort', ['kind', 'nameSort'])
@InterfaceType('Organizer', {
  implements: Node,
  description: 'Whoever runs events (Veranstalter): a ministry, a cluster initiative or a network.',
  resolveType: graphqlTypeOf,
})
export abstract class Organizer implements Node {
  @PrimaryGeneratedColumn({ name: 'id' })
  pk!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: OrganizerKind;

  @Column({ name: 'name_de', type: 'varchar', length: 300 })
  nameDe!: string;

  @Column({ name: 'name_fr', type: 'varchar', length: 300, nullable: true })
  nameFr!: string | null;

  @Column({ name: 'name_en', type: 'varchar', length: 300, nullable: true })
  nameEn!: string | null;

  /** Folded German name: the order of lists and the key of name search. */
  @Column({ name: 'name_sort', type: 'varchar', length: 300 })
  nameSort!: string;

  @Index('idx_organizer_region')
  @ForeignKey(() => Region, { onDelete: 'RESTRICT' })
  @Column({ name: 'region_code', type: 'varchar', length: 8, nullable: true })
  regionCode!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Home page, an absolute http(s) URL.' })
  website!: string | null;

  /** True for filler records of the demo and synthetic datasets. */
  @Column({ type: 'boolean' })
  synthetic!: boolean;

  /** Global id (the Node interface's field). */
  get id(): string {
    return organizerGlobalId(this.kind, this.pk);
  }

  get graphqlType(): string {
    return TYPE_OF_KIND[this.kind];
  }
}
