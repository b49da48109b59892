// Reference data in one place: the queries, the naming functions and the partner groups.
export { CodeName } from './code-name';
export { buildNames, type NameKind, type Names } from './names';
export { isPartnerGroup, partnerGroupName, partnerGroups, type PartnerGroup } from './partner-groups';
export * from './queries';
export { useNames } from './use-names';
