/** What the networks module offers the rest of the application; its other files are its own. */
export { InitiativeNetworksResolver } from './initiative-networks.resolver';
export { NetworkMemberLink, NetworkPartnerLink } from './network-links.entity';
export { NetworkWriteResolver } from './network-write.resolver';
export { Network, NetworkScope } from './network.entity';
export { NetworkResolver } from './network.resolver';
