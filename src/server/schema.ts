import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { NodeResolver } from './node.resolver';
import { EventResolver } from '../modules/events/event.resolver';
import { EventStatsResolver } from '../modules/events/event-stats.resolver';
import { OrganizerEventsResolver } from '../modules/events/organizer-events.resolver';
import { CampaignEventsResolver } from '../modules/events/campaign-events.resolver';
import { OrganizerResolver } from '../modules/organizers/organizer.resolver';
import { ContactResolver } from '../modules/organizers/contact.resolver';
import { MinistryResolver } from '../modules/ministries/ministry.resolver';
import { InitiativeResolver } from '../modules/initiatives/initiative.resolver';
import { NetworkResolver } from '../modules/networks/network.resolver';
import { InitiativeNetworksResolver } from '../modules/networks/initiative-networks.resolver';
import { PatronResolver } from '../modules/patrons/patron.resolver';
import { MinistryPatronsResolver } from '../modules/patrons/ministry-patrons.resolver';
import { CampaignResolver } from '../modules/campaigns/campaign.resolver';
import { PatronCampaignsResolver } from '../modules/campaigns/patron-campaigns.resolver';
import { RegionResolver } from '../modules/regions/region.resolver';
import { EventMutationResolver } from '../modules/events/event-mutation.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { MinistryWriteResolver } from '../modules/ministries/ministry-write.resolver';
import { InitiativeWriteResolver } from '../modules/initiatives/initiative-write.resolver';
import { NetworkWriteResolver } from '../modules/networks/network-write.resolver';
import { PatronWriteResolver } from '../modules/patrons/patron-write.resolver';
import { CampaignWriteResolver } from '../modules/campaigns/campaign-write.resolver';
import {
  EventProvenanceResolver, EventSourceLinkResolver, SourceResolver, SourceRunResolver,
} from '../modules/sources/source.resolver';
import {
  EventCategoryGroupLabelResolver, EventLabelResolver, EventStatsRowLabelResolver, LabelsResolver,
  MinistryLabelResolver, NetworkLabelResolver, OrganizerLabelResolver,
} from '../modules/labels/label.resolver';
import { Ministry } from '../modules/ministries/ministry.entity';
import { Initiative } from '../modules/initiatives/initiative.entity';
import { Network } from '../modules/networks/network.entity';
import { JSONScalar } from '../shared/scalars';
import { authChecker } from '../auth/auth-checker';
import { refuseNulInTextArguments } from './string-argument-guard';

let built: GraphQLSchema | undefined;

/** The executable schema from every module's resolvers (built once per process). */
export function buildGatewaySchema(): GraphQLSchema {
  if (built) return built;
  built = buildSchemaSync({
    resolvers: [
      NodeResolver, EventResolver, EventStatsResolver, OrganizerResolver, ContactResolver, MinistryResolver,
      InitiativeResolver, NetworkResolver, PatronResolver, CampaignResolver, RegionResolver,
      OrganizerEventsResolver, CampaignEventsResolver, PatronCampaignsResolver, MinistryPatronsResolver, InitiativeNetworksResolver,
      EventMutationResolver, AuditResolver,
      MinistryWriteResolver, InitiativeWriteResolver, NetworkWriteResolver, PatronWriteResolver, CampaignWriteResolver,
      SourceResolver, SourceRunResolver, EventSourceLinkResolver, EventProvenanceResolver,
      LabelsResolver, EventLabelResolver, EventStatsRowLabelResolver, EventCategoryGroupLabelResolver,
      MinistryLabelResolver, NetworkLabelResolver, OrganizerLabelResolver,
    ],
    orphanedTypes: [Ministry, Initiative, Network],
    scalarsMap: [{ type: Object, scalar: JSONScalar }],
    validate: false,
    authChecker,
    authMode: 'error',
  });
  refuseNulInTextArguments(built);
  const query = built.getQueryType();
  // type-graphql has no option for the root types' descriptions.
  if (query) query.description = 'The read side of the cluster graph: events, organisers, campaigns, patrons and regions.';
  const mutation = built.getMutationType();
  if (mutation) mutation.description = 'The write side: events are submitted, changed, reviewed and cancelled here, and admins maintain organisations, patrons and campaigns; every accepted change goes to the audit trail.';
  return built;
}

/** The schema as SDL, sorted so the checked-in file only changes when the schema does. */
export function printGatewaySchema(): string {
  return printSchema(lexicographicSortSchema(buildGatewaySchema()));
}
