/**
 * The GraphQL operations behind each part of the page. Each one is sent as it stands and
 * is what the part's "open in the playground" link opens, so what a reader sees there is
 * exactly what drew the chart.
 */
export interface StatsQuery {
  name: string;
  query: string;
}

const FILTER = '$filter: EventFilter';

export const TOTAL: StatsQuery = {
  name: 'StatsTotal',
  query: `query StatsTotal(${FILTER}) {
  eventStats(filter: $filter, groupBy: []) {
    count
  }
}`,
};

export const BY_CATEGORY: StatsQuery = {
  name: 'StatsByCategory',
  query: `query StatsByCategory(${FILTER}) {
  eventStats(filter: $filter, groupBy: [CATEGORY]) {
    category
    count
  }
}`,
};

export const BY_MONTH: StatsQuery = {
  name: 'StatsByMonth',
  query: `query StatsByMonth(${FILTER}) {
  eventStats(filter: $filter, groupBy: [MONTH]) {
    month
    count
  }
}`,
};

export const BY_STATE: StatsQuery = {
  name: 'StatsByState',
  query: `query StatsByState(${FILTER}, $lang: Language) {
  eventStats(filter: $filter, groupBy: [STATE]) {
    state { code name(lang: $lang) }
    count
  }
}`,
};

export const BY_ORGANIZER: StatsQuery = {
  name: 'StatsByOrganizer',
  query: `query StatsByOrganizer(${FILTER}, $lang: Language) {
  eventStats(filter: $filter, groupBy: [ORGANIZER]) {
    organizer { id name(lang: $lang) }
    count
  }
}`,
};

/** What the filter form offers: campaigns, and the NUTS tree down to level 3. */
export const FILTER_CHOICES: StatsQuery = {
  name: 'StatsFilterChoices',
  query: `query StatsFilterChoices($lang: Language) {
  campaigns { slug name(lang: $lang) startsOn }
  regions {
    code name(lang: $lang)
    children { code name(lang: $lang) children { code name(lang: $lang) children { code name(lang: $lang) } } }
  }
}`,
};
