/**
 * The shape of a hand-written dataset (the article's world): plain data that refers to
 * other records by local keys, so the file reads like the article and the loader resolves
 * the keys to database ids.
 */

/** A text in our three languages; German is required, the others fall back to it. */
export interface DemoText {
  de: string;
  fr?: string;
  en?: string;
}

export interface DemoContact {
  name: string;
  role?: DemoText;
  /** Plain address (the article's "(at)"/"(dot)" spelling is normalised here). */
  email?: string;
  /** E.164, e.g. +497111233030 */
  phone?: string;
}

export type DemoOrganizerKind = 'MINISTRY' | 'INITIATIVE' | 'NETWORK';

export interface DemoOrganizer {
  /** Local key other records refer to, e.g. "wm-bw". */
  key: string;
  kind: DemoOrganizerKind;
  name: DemoText;
  /** NUTS code of the seat (must exist in nuts-2021.csv). */
  regionCode?: string;
  website?: string;
  contacts?: DemoContact[];
  /** Ministry only. */
  shortName?: string;
  level?: 'FEDERAL' | 'STATE';
  /** Initiative only. */
  topics?: string[];
  /** Network only. */
  scope?: 'REGIONAL' | 'STATEWIDE' | 'NATIONAL' | 'CROSS_BORDER';
  countries?: string[];
  /** Network only: keys of member initiatives. */
  memberKeys?: string[];
  /** Network only: keys of partner networks (symmetric; list each pair once). */
  partnerKeys?: string[];
  /** True for filler records not taken from the article. */
  synthetic?: boolean;
}

export interface DemoPatron {
  key: string;
  name: string;
  honorific?: string;
  office?: DemoText;
  ministryKey?: string;
  imageCredit?: string;
}

export interface DemoCampaign {
  slug: string;
  name: DemoText;
  /** YYYY-MM-DD */
  startsOn: string;
  endsOn: string;
  initiatorKey?: string;
  patronKeys: string[];
}

export type DemoCategory =
  | 'SEMINAR' | 'CONFERENCE' | 'WORKSHOP' | 'EXHIBITION' | 'TRADE_FAIR' | 'COMPANY_VISIT'
  | 'OPEN_DAY' | 'ANNUAL_MEETING' | 'POLICY_DIALOGUE' | 'NETWORKING' | 'OTHER';

export interface DemoVenue {
  name?: string;
  street?: string;
  postalCode?: string;
  city?: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  latitude?: number;
  longitude?: number;
}

export interface DemoEvent {
  slug: string;
  title: DemoText;
  description?: DemoText;
  category: DemoCategory;
  status: 'PUBLISHED' | 'CANCELLED' | 'SUBMITTED' | 'DRAFT' | 'REJECTED';
  /** Local wall-clock time in timeZone, "YYYY-MM-DDTHH:mm". */
  startsAt: string;
  endsAt?: string;
  /** IANA zone, e.g. Europe/Berlin */
  timeZone: string;
  venue?: DemoVenue;
  regionCode: string;
  organizerKeys: string[];
  campaignSlug?: string;
  patronKeys: string[];
  languages: ('DE' | 'FR' | 'EN')[];
  url?: string;
  registrationUrl?: string;
  /** True for filler events not named in the article. */
  synthetic: boolean;
  /**
   * When the event was entered and last changed (ISO instants, e.g. "2017-03-02T07:11:00Z");
   * without them the load time. A partner's incremental pull can only split data whose
   * changes have distinct times, so the demo world carries its own.
   */
  createdAt?: string;
  /** Defaults to createdAt; never before it. */
  updatedAt?: string;
}

export interface DemoWorld {
  organizers: DemoOrganizer[];
  patrons: DemoPatron[];
  campaigns: DemoCampaign[];
  events: DemoEvent[];
}
