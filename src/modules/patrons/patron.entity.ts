import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../shared/node';
import { toGlobalId } from '../../shared/global-id';
import { Organizer } from '../organizers';

/** A patron (Schirmherr/Schirmherrin) of a campaign or event, e.g. a federal minister. */
@Entity('patron')
@ObjectType('Patron', {
  implements: Node,
  description: 'A patron (Schirmherr/Schirmherrin) of campaigns and events, e.g. a federal minister.',
  simpleResolvers: true,
})
export class Patron implements Node {
  @PrimaryGeneratedColumn({ name: 'id' })
  pk!: number;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String, { description: 'Full name without title, e.g. Johanna Wanka.' })
  name!: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  @Field(() => String, { nullable: true, description: 'Academic or honorific title, e.g. Prof. Dr.' })
  honorific!: string | null;

  @Column({ name: 'office_de', type: 'varchar', length: 300, nullable: true })
  officeDe!: string | null;

  @Column({ name: 'office_fr', type: 'varchar', length: 300, nullable: true })
  officeFr!: string | null;

  @Column({ name: 'office_en', type: 'varchar', length: 300, nullable: true })
  officeEn!: string | null;

  @Index('idx_patron_ministry')
  @ForeignKey(() => Organizer, { onDelete: 'SET NULL' })
  @Column({ name: 'ministry_id', type: 'integer', nullable: true })
  ministryId!: number | null;

  @Column({ name: 'image_credit', type: 'varchar', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'Credit line of the portrait photo, e.g. © Susie Knoll.' })
  imageCredit!: string | null;

  /** Global id (the Node interface's field). */
  get id(): string {
    return toGlobalId('Patron', this.pk);
  }

  get graphqlType(): string {
    return 'Patron';
  }
}
