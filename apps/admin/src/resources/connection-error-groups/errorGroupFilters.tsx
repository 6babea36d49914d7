import { CheckboxFilter } from '../../ui/CheckboxFilter';
import { DateTimeFilter } from '../../ui/DateTimeFilter';
import { TextFilter } from '../../ui/TextFilter';
import { PlatformFilterInput } from '../integrations/PlatformFilterInput';

const COMMON_CODES = ['401', '403', '429', '500', '502', '503', '504'];

/** Every filter sits in the URL (`#/connection-error-groups?filter=…&sort=…`), so a filtered view can be shared. */
export const errorGroupFilters = [
  <PlatformFilterInput key="platform" source="platform" alwaysOn />,
  <TextFilter
    key="statusCode"
    source="statusCode"
    label="Status code"
    placeholder="e.g. 503"
    suggestions={COMMON_CODES}
    alwaysOn
    check={(text) => (text.length <= 20 ? undefined : 'Status codes are short, like 503')}
  />,
  <TextFilter key="q" source="q" label="Status text or message" placeholder="e.g. unavailable" alwaysOn check={(text) => (text.length <= 100 ? undefined : 'At most 100 characters')} />,
  <CheckboxFilter key="probableIncident" source="probableIncident" label="Probable incidents only" alwaysOn />,
  <DateTimeFilter key="firstSeenFrom" source="firstSeenFrom" label="First seen from" alwaysOn />,
  <DateTimeFilter key="firstSeenTo" source="firstSeenTo" label="First seen until" alwaysOn />,
  <DateTimeFilter key="lastSeenFrom" source="lastSeenFrom" label="Last seen from" alwaysOn />,
  <DateTimeFilter key="lastSeenTo" source="lastSeenTo" label="Last seen until" alwaysOn />,
];
