import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../shared/node';
import { toGlobalId } from '../../shared/global-id';
import { DateScalar } from '../../shared/scalars';
import { Organizer } from '../organizers';

/** A campaign events run under, e.g. the nationwide Clusterwoche 2017. */
@Entity('campaign')
@ObjectType('Campaign', {
  implements: Node,
  description: 'A campaign (Aktionswoche) events run under, e.g. the Bundesweite Clusterwoche 2017.',
  simpleResolvers: true,
})
export class Campaign implements Node {
  @PrimaryGeneratedColumn({ name: 'id' })
  pk!: number;

  @Index('uq_campaign_slug', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  @Field(() => String, { description: 'URL-friendly name, e.g. clusterwoche-2017.' })
  slug!: string;

  @Column({ name: 'name_de', type: 'varchar', length: 300 })
  nameDe!: string;

  @Column({ name: 'name_fr', type: 'varchar', length: 300, nullable: true })
  nameFr!: string | null;

  @Column({ name: 'name_en', type: 'varchar', length: 300, nullable: true })
  nameEn!: string | null;

  @Column({ name: 'starts_on', type: 'varchar', length: 10 })
  @Field(() => DateScalar, { description: 'First day.' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'varchar', length: 10 })
  @Field(() => DateScalar, { description: 'Last day (inclusive).' })
  endsOn!: string;

  @Index('idx_campaign_initiator')
  @ForeignKey(() => Organizer, { onDelete: 'SET NULL' })
  @Column({ name: 'initiator_id', type: 'integer', nullable: true })
  initiatorId!: number | null;

  /** Global id (the Node interface's field). */
  get id(): string {
    return toGlobalId('Campaign', this.pk);
  }

  get graphqlType(): string {
    return 'Campaign';
  }
}
