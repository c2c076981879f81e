import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ChildEntity, Column } from 'typeorm';
import { Node } from '../../shared/node';
import { Organizer } from '../organizers';

export enum NetworkScope {
  REGIONAL = 'REGIONAL',
  STATEWIDE = 'STATEWIDE',
  NATIONAL = 'NATIONAL',
  CROSS_BORDER = 'CROSS_BORDER',
}
registerEnumType(NetworkScope, {
  name: 'NetworkScope',
  description: 'How far a network reaches: regional, state-wide (landesweit), national or across borders.',
  valuesConfig: {
    REGIONAL: { description: 'One region.' },
    STATEWIDE: { description: 'A whole state (landesweit), e.g. Leichtbau BW.' },
    NATIONAL: { description: 'All of Germany.' },
    CROSS_BORDER: { description: 'Across national borders, e.g. with Nordwestschweiz and Alsace.' },
  },
});

/** A network (Netzwerk): state-wide like Leichtbau BW, or cross-border like connect Dreiländereck. */
@ChildEntity('NETWORK')
@ObjectType('Network', {
  implements: [Node, Organizer],
  description: 'A network (Netzwerk), e.g. the state-wide Leichtbau BW or the cross-border connect Dreiländereck.',
  simpleResolvers: true,
})
export class Network extends Organizer {
  @Column({ type: 'varchar', length: 16, nullable: true })
  @Field(() => NetworkScope, { description: 'How far the network reaches.' })
  scope!: NetworkScope;

  /** ISO country codes, comma-separated in the database. */
  @Column({ type: 'simple-array', nullable: true })
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes of the countries it works in.' })
  countries!: string[];
}
