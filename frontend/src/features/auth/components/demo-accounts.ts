// The seeded demo accounts (`gmc seed --demo`), listed on the sign-in page only in development builds
// or when VITE_SHOW_DEMO_ACCOUNTS=true: a production build must not advertise credentials. `who` names
// the translation (signIn.demo.who) that says whom the account stands for.
export const demoPassword = 'demo-pass-2026';

export const demoAccounts = [
  { email: 'admin@gmc.test', role: 'admin', who: 'secretariat' },
  { email: 'analyst@gmc.test', role: 'analyst', who: 'analyst' },
  { email: 'delegate.bgd@gmc.test', role: 'delegate', who: 'delegationBgd' },
  { email: 'delegate.npl@gmc.test', role: 'delegate', who: 'delegationNpl' },
  { email: 'msme.bgd@gmc.test', role: 'stakeholder', who: 'msmeBgd' },
] as const;
