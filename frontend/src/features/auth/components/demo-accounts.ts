// The seeded demo accounts (`gmc seed --demo`), listed on the sign-in page only in development builds
// or when VITE_SHOW_DEMO_ACCOUNTS=true: a production build must not advertise credentials.
export const demoPassword = 'demo-pass-2026';

export const demoAccounts = [
  { email: 'admin@gmc.test', role: 'admin' },
  { email: 'analyst@gmc.test', role: 'analyst' },
  { email: 'delegate.bgd@gmc.test', role: 'delegate' },
  { email: 'delegate.npl@gmc.test', role: 'delegate' },
] as const;
