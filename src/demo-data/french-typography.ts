import type { DemoText, DemoWorld } from './demo-world';

const NO_BREAK_SPACE = '\u00a0';
const NARROW_NO_BREAK_SPACE = '\u202f';

/**
 * French spacing for text written with ordinary spaces: a no-break space before ":" and
 * inside « », a narrow no-break space before ";", "!" and "?", so a line never starts with
 * the sign. The demo texts are typed with plain spaces (invisible characters in source are
 * too easy to lose in an edit) and pass through here. Only a space already there is
 * replaced: "https://" and "10:00" stay as they are.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/ :/g, `${NO_BREAK_SPACE}:`)
    .replace(/ ([;!?])/g, `${NARROW_NO_BREAK_SPACE}$1`)
    .replace(/« /g, `«${NO_BREAK_SPACE}`)
    .replace(/ »/g, `${NO_BREAK_SPACE}»`);
}

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
