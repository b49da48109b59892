// Admins act as admins only in a session that passed the second factor: until then every page of the
// dashboard shows the prompt to set one up (or to sign in again with it) instead of pages whose
// requests the API would refuse.
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';
import { SecondFactorPrompt } from '@/features/second-factor/components/second-factor-prompt';
import { signOut } from '@/lib/auth/sign-in-out';
import { useSignedInUser } from '@/lib/auth/use-user';

export function SecondFactorGate({ children }: { children: ReactNode }) {
  const user = useSignedInUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { required, verified } = user.second_factor;
  if (!required || verified) return children;
  return (
    <SecondFactorPrompt
      onSignOut={() => {
        void signOut(queryClient).then(() => navigate(paths.signIn, { replace: true }));
      }}
    />
  );
}
