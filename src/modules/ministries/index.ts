/** What the ministries module offers the rest of the application; its other files are its own. */
export { MinistryWriteResolver } from './ministry-write.resolver';
export { GovernmentLevel, Ministry } from './ministry.entity';
export { MinistryResolver } from './ministry.resolver';
