import { Field, ObjectType } from 'type-graphql';
import { ChildEntity, Column } from 'typeorm';
import { Node } from '../../shared/node';
import { Organizer } from '../organizers';

/** A regional cluster initiative (Cluster-Initiative) with its cluster management. */
@ChildEntity('INITIATIVE')
@ObjectType('Initiative', {
  implements: [Node, Organizer],
  description: 'A cluster initiative (Cluster-Initiative): a regional cluster management and its members.',
  simpleResolvers: true,
})
export class Initiative extends Organizer {
  /** Topics, stored as a JSON array of strings. */
  @Column({ type: 'simple-json', nullable: true })
  @Field(() => [String], { description: 'Fields the initiative works in, e.g. Medizintechnik, Photonik.' })
  topics!: string[];
}
