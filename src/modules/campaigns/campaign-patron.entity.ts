import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Campaign } from './campaign.entity';
import { Patron } from '../patrons';

/** The patrons of a campaign. */
@Entity('campaign_patron')
@Index('idx_campaign_patron_patron', ['patronId', 'campaignId'])
export class CampaignPatronLink {
  @ForeignKey(() => Campaign, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'campaign_id', type: 'integer' })
  campaignId!: number;

  @ForeignKey(() => Patron, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'patron_id', type: 'integer' })
  patronId!: number;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}
