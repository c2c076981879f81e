/** What the organizers module offers the rest of the application; its other files are its own. */
export { Contact } from './contact.entity';
export { ContactResolver } from './contact.resolver';
export { organizerPage } from './organizer-page';
export { assertAdmin, countryCodes, existingKeys, linkKeys, MAX_NAME } from './organizer-write.checks';
export { ContactInput } from './organizer-write.inputs';
export type { ContactsFieldInput, OrganizerFieldsInput } from './organizer-write.inputs';
export { OrganizerWriteService } from './organizer-write.service';
export { contacts, fieldReader } from './organizer-write.values';
export type { KindValues, OrganizerKindRules } from './organizer-write.values';
export { Organizer, organizerGlobalId, organizerKeyOf, TYPE_OF_KIND } from './organizer.entity';
export type { OrganizerKind } from './organizer.entity';
export { createOrganizerLoaders } from './organizer.loaders';
export { OrganizerResolver } from './organizer.resolver';
export { OrganizerService } from './organizer.service';
export type { EventPart, EventTouch } from './shown-in-events';
