import { gqlData } from '../helpers/gql';

/** Every status, for a key allowed to read them all. */
export const ALL_STATUSES = ['PUBLISHED', 'CANCELLED', 'SUBMITTED', 'DRAFT', 'REJECTED'];

/** An event with its texts in each language asked for explicitly (no Accept-Language). */
export interface TextsRow {
  slug: string;
  createdAt: string;
  updatedAt: string;
  titleDe: string;
  titleFr: string;
  titleEn: string;
  descriptionDe: string | null;
  descriptionFr: string | null;
  descriptionEn: string | null;
}

const PAGE = `query ($filter: EventFilter, $after: String) {
  events(filter: $filter, orderBy: START_ASC, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      slug createdAt updatedAt
      titleDe: title(lang: DE) titleFr: title(lang: FR) titleEn: title(lang: EN)
      descriptionDe: description(lang: DE) descriptionFr: description(lang: FR) descriptionEn: description(lang: EN)
    }
  }
}`;

/** Every event of filter with its texts, walking the pages. */
export async function allTexts(url: string, filter: object, headers: Record<string, string>): Promise<TextsRow[]> {
  const rows: TextsRow[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = { events: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: TextsRow[] } };
    const data: Page = await gqlData<Page>(url, PAGE, { filter, after }, headers);
    rows.push(...data.events.nodes);
    if (!data.events.pageInfo.hasNextPage) return rows;
    after = data.events.pageInfo.endCursor;
  }
}

/**
 * French spacing broken somewhere in text: a plain space (or none) before ":", ";", "!", "?"
 * or "»", or a plain space after "«". Null when it is right.
 */
export function frenchSpacingFault(text: string): string | null {
  const fault = /( [:;!?»])|(« )|([^\s\u00a0\u202f/][;!?»])|([^\s\u00a0/\d][:](?!\/\/))/u.exec(text);
  return fault ? fault[0] : null;
}
