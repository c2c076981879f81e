import 'reflect-metadata';
import { isAbstractType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { NodeResolver } from './node.resolver';
import {
  EventResolver, EventStatsResolver, OrganizerEventsResolver, CampaignEventsResolver,
  EventMutationResolver,
} from '../modules/events';
import { OrganizerResolver, ContactResolver } from '../modules/organizers';
import { MinistryResolver, MinistryWriteResolver, Ministry } from '../modules/ministries';
import { InitiativeResolver, InitiativeWriteResolver, Initiative } from '../modules/initiatives';
import {
  NetworkResolver, InitiativeNetworksResolver, NetworkWriteResolver, Network,
} from '../modules/networks';
import { PatronResolver, MinistryPatronsResolver, PatronWriteResolver } from '../modules/patrons';
import { CampaignResolver, PatronCampaignsResolver, CampaignWriteResolver } from '../modules/campaigns';
import { RegionResolver } from '../modules/regions';
import { AuditResolver } from '../modules/audit';
import {
  EventProvenanceResolver, EventSourceLinkResolver, SourceResolver, SourceRunResolver,
} from '../modules/sources';
import {
  EventCategoryGroupLabelResolver, EventLabelResolver, EventStatsRowLabelResolver, LabelsResolver,
  MinistryLabelResolver, NetworkLabelResolver, OrganizerLabelResolver,
} from '../modules/labels';
import { JSONScalar } from '../shared/scalars';
import { graphqlTypeOf } from '../shared/node';
import { authChecker } from '../auth/auth-checker';
import { refuseNulInTextArguments } from './string-argument-guard';
import { callResolversDirectly } from './direct-resolvers';

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
  callResolversDirectly(built); // before the guard below, which wraps what is there
  refuseNulInTextArguments(built);
  // type-graphql wraps a given resolveType in an async function. Node and Organizer read
  // the type from the value: answered at once, graphql-js saves a promise per value and
  // graphql-jit (which needs the name synchronously) can compile documents reaching them.
  for (const name of ['Node', 'Organizer']) {
    const type = built.getType(name);
    if (type && isAbstractType(type)) type.resolveType = graphqlTypeOf;
  }
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
