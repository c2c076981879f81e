/** What the labels module offers the rest of the application; its other files are its own. */
export { CATEGORY_LABELS } from './label-texts';
export type { Words } from './label-texts';
export {
  EventCategoryGroupLabelResolver, EventLabelResolver, EventStatsRowLabelResolver, LabelsResolver,
  MinistryLabelResolver, NetworkLabelResolver, OrganizerLabelResolver,
} from './label.resolver';
