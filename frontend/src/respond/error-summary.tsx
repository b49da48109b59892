// The GOV.UK error summary: at the top of the form after a failed submit, it says how many problems
// there are and links each to its field; it takes focus, so a screen reader announces it, and a link
// moves focus to the field itself (a plain fragment link would only scroll).
import type { MouseEvent } from 'react';

import type { AnswerError } from './answers';
import type { PublicQuestion } from './api-types';
import {
  answerErrorMessage,
  answerInputId,
  profileFields,
  profileInputId,
  type FieldErrors,
} from './field-errors';
import type { Translate } from './messages';

/** One problem: the field's label, its message, and the input to focus (none for a form-wide one). */
export type SummaryItem = { label?: string; message: string; target?: string };

/** The problems in page order: questions, the profile, then any that name no field of the form. */
export function summaryItems(t: Translate, questions: readonly PublicQuestion[], errors: FieldErrors): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const question of questions) {
    const error: AnswerError | undefined = errors.answers[question.code];
    if (error) {
      const message = answerErrorMessage(t, error, question);
      items.push({ label: question.prompt, message, target: answerInputId(question.code) });
    }
  }
  for (const field of profileFields) {
    const message = errors.profile[field];
    if (message) items.push({ label: t(`profile.${field}`), message, target: profileInputId(field) });
  }
  for (const other of errors.other) items.push({ message: other.message });
  return items;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView?.({ block: 'center' });
}

type ErrorSummaryProps = { items: SummaryItem[]; t: Translate; frame: { lang?: string; dir?: 'rtl' | 'ltr' } };

export function ErrorSummary({ items, t, frame }: ErrorSummaryProps) {
  if (items.length === 0) return null;
  return (
    <div
      className="error-summary"
      id="error-summary"
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" {...frame}>
        {items.length === 1 ? t('error.summaryOne') : t('error.summaryMany', { count: items.length })}
      </h2>
      <ul>
        {items.map((item, i) => {
          const text = item.label ? `${item.label}: ${item.message}` : item.message;
          const target = item.target;
          return (
            <li key={target ?? `other-${i}`}>
              {target ? (
                <a href={`#${target}`} onClick={(event) => focusField(event, target)}>
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
