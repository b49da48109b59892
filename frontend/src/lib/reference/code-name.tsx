// A code shown with its name: `<CodeName kind="country" code="ARE" />` reads "United Arab Emirates (ARE)".
import type { NameKind } from './names';
import { useNames } from './use-names';

export function CodeName({ kind, code }: { kind: NameKind; code: string }) {
  const names = useNames([kind]);
  return <>{names[kind](code)}</>;
}
