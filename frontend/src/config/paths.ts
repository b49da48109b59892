// The client routes in one place, so links and the router never disagree.
export const paths = {
  signIn: '/sign-in',
  home: '/',
  topics: '/topics',
  topic: (code: string) => `/topics/${encodeURIComponent(code)}`,
  consultations: '/consultations',
  impediments: '/impediments',
  impediment: (id: string) => `/impediments/${encodeURIComponent(id)}`,
  stakeholders: '/stakeholders',
  stakeholder: (id: string) => `/stakeholders/${encodeURIComponent(id)}`,
  briefings: '/briefings',
  meetings: '/meetings',
  ministerial: '/ministerial',
  alignment: '/alignment',
  imports: '/imports',
  admin: '/admin',
} as const;
