// The text of a filter bar's search box (or any typed filter applied on submit or after a pause): the
// user's own typing, until the URL's value of that one filter changes from outside (back button, a
// link) — then the URL's. Keyed on that one value on purpose: a select applied while the user types
// re-renders the bar with new filters (late, when the router renders the navigation as a transition),
// and must not wipe text not yet submitted.
import { useState, type Dispatch, type SetStateAction } from 'react';

export function useUrlText(value: string | undefined): [string, Dispatch<SetStateAction<string>>] {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value ?? '');
  }
  return [text, setText];
}
