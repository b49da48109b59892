// "You said, we did": what a closed consultation's owners say came of the answers, shown at the same
// link instead of the "closed" screen. The note is plain text (Markdown is shown as written, never as
// HTML); blank lines separate its paragraphs.
import { useEffect, useRef } from 'react';

import type { PublicForm } from './api-types';
import { frameAttributes, intlKnows } from './languages';
import type { Translate } from './messages';

type Feedback = NonNullable<PublicForm['feedback']>;

export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function publishedDate(lang: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return intlKnows(lang, Intl.DateTimeFormat)
    ? new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date)
    : date.toISOString().slice(0, 10);
}

type FeedbackScreenProps = { form: PublicForm; feedback: Feedback; t: Translate };

export function FeedbackScreen({ form, feedback, t }: FeedbackScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const frame = frameAttributes(t.lang === form.lang ? undefined : t.lang);
  // The note may be in English where the page is not (no translation of it): say so to the browser.
  const noteLang = feedback.lang === form.lang ? {} : { lang: feedback.lang };

  const headingText = t('feedback.title');

  // On the words (not the translator, a new function each render), so focus moves once per screen.
  useEffect(() => {
    document.title = `${headingText} · ${form.title}`;
    heading.current?.focus();
  }, [headingText, form.title]);

  return (
    <section className="status status-feedback" aria-labelledby="feedback-heading">
      <p className="status-context">{form.title}</p>
      <h1 id="feedback-heading" ref={heading} tabIndex={-1} {...frame}>
        {headingText}
      </h1>
      <p className="hint" {...frame}>
        {t('feedback.intro')}
        {feedback.published_at
          ? ` ${t('feedback.published', { date: publishedDate(t.lang, feedback.published_at) })}`
          : null}
      </p>
      <div className="feedback-note" {...noteLang}>
        {paragraphs(feedback.text).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </section>
  );
}
