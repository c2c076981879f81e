import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Organizer } from '../organizers';

/** The initiatives that are members of a network. */
@Entity('network_member')
@Index('idx_network_member_initiative', ['initiativeId', 'networkId'])
export class NetworkMemberLink {
  @ForeignKey(() => Organizer, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'network_id', type: 'integer' })
  networkId!: number;

  @ForeignKey(() => Organizer, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'initiative_id', type: 'integer' })
  initiativeId!: number;
}

/** Partnership of two networks; stored once per pair and read in both directions. */
@Entity('network_partner')
@Index('idx_network_partner_partner', ['partnerId', 'networkId'])
export class NetworkPartnerLink {
  @ForeignKey(() => Organizer, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'network_id', type: 'integer' })
  networkId!: number;

  @ForeignKey(() => Organizer, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'partner_id', type: 'integer' })
  partnerId!: number;
}
