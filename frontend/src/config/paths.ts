// The client routes in one place, so links and the router never disagree.
export const paths = {
  signIn: '/sign-in',
  home: '/',
  topics: '/topics',
  topic: (code: string) => `/topics/${encodeURIComponent(code)}`,
  consultations: '/consultations',
  consultation: (id: string) => `/consultations/${encodeURIComponent(id)}`,
  consultationResults: (id: string) => `/consultations/${encodeURIComponent(id)}/results`,
  impediments: '/impediments',
  impediment: (id: string) => `/impediments/${encodeURIComponent(id)}`,
  impedimentTrace: (id: string) => `/impediments/${encodeURIComponent(id)}/trace`,
  stakeholders: '/stakeholders',
  stakeholder: (id: string) => `/stakeholders/${encodeURIComponent(id)}`,
  briefings: '/briefings',
  // issue 10: briefings
  briefing: (id: string) => `/briefings/${encodeURIComponent(id)}`,
  meetings: '/meetings',
  // issue 10: meetings
  meeting: (id: string) => `/meetings/${encodeURIComponent(id)}`,
  ministerial: '/ministerial',
  ministerialBoard: (code: string) => `/ministerial/${encodeURIComponent(code)}`,
  prepItems: '/prep-items',
  prepItem: (id: string) => `/prep-items/${encodeURIComponent(id)}`,
  prepItemTrace: (id: string) => `/prep-items/${encodeURIComponent(id)}/trace`,
  alignment: '/alignment',
  imports: '/imports',
  // issue 11: import-ui
  importRecord: (id: string) => `/imports/${encodeURIComponent(id)}`,
  webhooks: '/webhooks',
  // issue 11: WTO notifications
  wtoNotifications: '/wto-notifications',
  wtoNotification: (id: string) => `/wto-notifications/${encodeURIComponent(id)}`,
  admin: '/admin',
  security: '/security',
  // issue 10: notifications
  notifications: '/notifications',
  following: '/notifications/following',
  emailOutbox: '/admin/email-outbox',
  // issue 10: documents
  library: '/library',
  librarySearch: '/library/search',
  document: (id: string) => `/library/${encodeURIComponent(id)}`,
} as const;
