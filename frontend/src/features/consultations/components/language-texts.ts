// What the title-translation and feedback panels share: turning a problem's field errors into messages by
// field name (`translations.bn.title`, `texts.en`), worded in the app's language.
import { fieldErrorMessage, type FieldError } from '@/lib/problem';

/** One message per field the server named, the first for each; `label` names the field for the sentence. */
export function errorsByField(errors: readonly FieldError[], label: (field: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.field] ??= fieldErrorMessage(e.code, label(e.field));
  return out;
}
