import type { DemoText, DemoWorld } from './demo-world';
import { frenchTypography } from '../shared/french-typography';

// The demo texts are typed with plain spaces (invisible characters in source are too easy
// to lose in an edit); their French gets its no-break spaces here.

/** The world with frenchTypography applied to every French text in it; German and English stay. */
export function withFrenchTypography(world: DemoWorld): DemoWorld {
  const fix = <T extends DemoText | undefined>(t: T): T =>
    (t?.fr === undefined ? t : { ...t, fr: frenchTypography(t.fr) });
  return {
    organizers: world.organizers.map((o) => ({
      ...o, name: fix(o.name), contacts: o.contacts?.map((c) => ({ ...c, role: fix(c.role) })),
    })),
    patrons: world.patrons.map((p) => ({ ...p, office: fix(p.office) })),
    campaigns: world.campaigns.map((c) => ({ ...c, name: fix(c.name) })),
    events: world.events.map((e) => ({ ...e, title: fix(e.title), description: fix(e.description) })),
  };
}
