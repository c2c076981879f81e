import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The patrons of a campaign. */
@Entity('campaign_patron')
@Index('idx_campaign_patron_patron', ['patronId', 'campaignId'])
export class CampaignPatronLink {
  @PrimaryColumn({ name: 'campaign_id', type: 'integer' })
  campaignId!: number;

  @PrimaryColumn({ name: 'patron_id', type: 'integer' })
  patronId!: number;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}
