import type { OrganizerService } from './organizer.service';
import type { OrganizerWriteService } from './organizer-write.service';
import type { createOrganizerLoaders } from './organizer.loaders';

type OrganizerLoaders = ReturnType<typeof createOrganizerLoaders>;

// What the organizers module adds to every request's context (see src/shared/request-context.ts).
declare module '../../shared/request-context' {
  interface RequestServices {
    organizers: OrganizerService;
    organizerWrites: OrganizerWriteService;
  }
  interface RequestLoaders extends OrganizerLoaders {}
}
