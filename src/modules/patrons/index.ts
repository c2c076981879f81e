/** What the patrons module offers the rest of the application; its other files are its own. */
export { MinistryPatronsResolver } from './ministry-patrons.resolver';
export { PatronWriteResolver } from './patron-write.resolver';
export { PatronWriteService } from './patron-write.service';
export { Patron } from './patron.entity';
export { createPatronLoaders } from './patron.loaders';
export { PatronResolver } from './patron.resolver';
export { PatronService } from './patron.service';
