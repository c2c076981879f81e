/** What the initiatives module offers the rest of the application; its other files are its own. */
export { InitiativeWriteResolver } from './initiative-write.resolver';
export { Initiative } from './initiative.entity';
export { InitiativeResolver } from './initiative.resolver';
