import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ChildEntity, Column } from 'typeorm';
import { Node } from '../../shared/node';
import { Organizer } from '../organizers';

export enum GovernmentLevel {
  FEDERAL = 'FEDERAL',
  STATE = 'STATE',
}
registerEnumType(GovernmentLevel, {
  name: 'GovernmentLevel',
  description: 'Federal (Bund) or state (Land) government.',
  valuesConfig: {
    FEDERAL: { description: 'Federal government (Bund).' },
    STATE: { description: 'A state government (Land), e.g. Baden-Württemberg.' },
  },
});

/** A federal or state ministry (Ministerium), e.g. BMWi or the WM BW. */
@ChildEntity('MINISTRY')
@ObjectType('Ministry', {
  implements: [Node, Organizer],
  description: 'A federal or state ministry (Ministerium), e.g. BMWi or the Wirtschaftsministerium Baden-Württemberg.',
  simpleResolvers: true,
})
export class Ministry extends Organizer {
  @Column({ name: 'short_name', type: 'varchar', length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: 'Abbreviation, e.g. BMWi, WM BW.' })
  shortName!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  @Field(() => GovernmentLevel, { description: 'Federal or state ministry.' })
  level!: GovernmentLevel;
}
