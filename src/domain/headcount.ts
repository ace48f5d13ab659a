// Who a reported headcount counts. Shared by the server, the field form for KoboToolbox and ODK and
// the offline web app, so it lives apart from the repository (which the browser must not load).
export const headcountCategories = [
  'total',
  'civilians',
  'children',
  'wounded',
  'combatants',
  'other',
] as const;
export type HeadcountCategory = (typeof headcountCategories)[number];
