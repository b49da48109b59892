// The questionnaire and the optional profile, introduced by who asks, how long it takes and what happens
// to the answers; checked here as the server checks them, then sent. A refusal puts each error next to its
// field and lists them all in the error summary at the top, which takes focus; a busy server or a lost
// connection keeps the answers on the page with a message by the button.
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { aboutSentences } from './about';
import { checkAnswers, newSubmissionId, requestBody, type Draft, type Drafts, type ProfileDraft } from './answers';
import { submitResponse } from './api';
import type { PublicForm } from './api-types';
import { ErrorSummary, summaryItems } from './error-summary';
import {
  answerErrorMessage,
  mapProblemErrors,
  noFieldErrors,
  type FieldErrors,
  type ProfileField,
} from './field-errors';
import { frameAttributes, intlKnows } from './languages';
import type { Translate } from './messages';
import { ProfileSection } from './profile-section';
import { QuestionField } from './question-field';
import { tooManyMessage } from './status-screen';

type ResponseFormProps = {
  token: string;
  form: PublicForm;
  t: Translate;
  drafts: Drafts;
  onDraftsChange: (update: (drafts: Drafts) => Drafts) => void;
  profile: ProfileDraft;
  onProfileChange: (update: (profile: ProfileDraft) => ProfileDraft) => void;
  onSubmitted: () => void;
  onClosed: () => void;
  onNotFound: () => void;
};

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** A closing date in `lang`, or as 2025-03-31 17:00 (read alike in every language) when `Intl` lacks it. */
function formatDate(lang: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (intlKnows(lang, Intl.DateTimeFormat)) {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(date);
  }
  const day = `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
  return `${day} ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

export function ResponseForm(props: ResponseFormProps) {
  const { token, form, t, drafts, onDraftsChange, profile, onProfileChange } = props;
  const [errors, setErrors] = useState<FieldErrors>(noFieldErrors);
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  // One id per filled form: a retry after a lost connection is then recorded once.
  const submissionId = useRef(newSubmissionId());
  // The page's words are in the questionnaire's language, or in English when there is no dictionary for it.
  const frameLang = t.lang === form.lang ? undefined : t.lang;

  useEffect(() => {
    document.title = form.title;
  }, [form.title]);

  // Focus moves after the errors have rendered, so the summary (or message) is announced with them.
  useEffect(() => {
    if (!focusTarget) return;
    const target = document.getElementById(focusTarget.id) ?? summary.current;
    target?.focus();
    target?.scrollIntoView?.({ block: 'start' });
  }, [focusTarget]);

  function changeAnswer(code: string, draft: Draft) {
    onDraftsChange((current) => ({ ...current, [code]: draft }));
    if (errors.answers[code]) {
      setErrors((current) => {
        const answers = Object.fromEntries(Object.entries(current.answers).filter(([key]) => key !== code));
        return { ...current, answers };
      });
    }
  }

  function changeProfile(field: ProfileField, value: string) {
    onProfileChange((current) => ({ ...current, [field]: value }));
    if (errors.profile[field]) {
      setErrors((current) => ({ ...current, profile: { ...current.profile, [field]: undefined } }));
    }
  }

  function showErrors(next: FieldErrors) {
    setErrors(next);
    setFocusTarget({ id: 'error-summary' });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    setMessage(null);
    const checked = checkAnswers(form.questions, drafts);
    if (Object.keys(checked.errors).length > 0) {
      showErrors({ answers: checked.errors, profile: {}, other: [] });
      return;
    }
    setErrors(noFieldErrors);
    setSending(true);
    const result = await submitResponse(token, requestBody(form.lang, checked.answers, profile, submissionId.current));
    setSending(false);
    switch (result.kind) {
      case 'ok':
        return props.onSubmitted();
      case 'closed':
        return props.onClosed();
      case 'not_found':
        return props.onNotFound();
      case 'invalid': {
        const mapped = mapProblemErrors(result.errors, form.questions);
        if (summaryItems(t, form.questions, mapped).length === 0) {
          mapped.other.push({ field: '', code: 'invalid', message: result.detail ?? t('submit.server') });
        }
        return showErrors(mapped);
      }
      case 'too_many':
        setMessage(tooManyMessage(t, result.retryAfterSeconds));
        return setFocusTarget({ id: 'form-summary' });
      case 'network':
        setMessage(t('submit.network'));
        return setFocusTarget({ id: 'form-summary' });
      default:
        setMessage(t('submit.server'));
        return setFocusTarget({ id: 'form-summary' });
    }
  }

  const frame = frameAttributes(frameLang);

  return (
    <form className="response-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="form-title">
      <ErrorSummary items={summaryItems(t, form.questions, errors)} t={t} frame={frame} />
      <h1 id="form-title">{form.title}</h1>
      {form.description ? <p className="description">{form.description}</p> : null}
      <ul className="about hint" {...frame}>
        {aboutSentences(t, form, form.questions.length).map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      {form.closes_at ? (
        <p className="hint" {...frameAttributes(frameLang)}>
          {t('openUntil', { date: formatDate(t.lang, form.closes_at) })}
        </p>
      ) : null}
      {form.questions.some((q) => q.required) ? (
        <p className="hint" {...frameAttributes(frameLang)}>
          {t('requiredNote')}
        </p>
      ) : null}

      {form.questions.map((question) => {
        const error = errors.answers[question.code];
        return (
          <QuestionField
            key={question.code}
            question={question}
            draft={drafts[question.code]}
            onChange={(draft) => changeAnswer(question.code, draft)}
            error={error ? answerErrorMessage(t, error, question) : undefined}
            t={t}
            lang={form.lang}
            frameLang={frameLang}
          />
        );
      })}

      <ProfileSection profile={profile} onChange={changeProfile} errors={errors.profile} t={t} lang={form.lang} />

      <div className="submit-area" {...frameAttributes(frameLang)}>
        <div id="form-summary" ref={summary} tabIndex={-1} role="alert" className={message ? 'alert' : undefined}>
          {message ? <p>{message}</p> : null}
        </div>
        <button type="submit" className="button button-primary" disabled={sending} aria-disabled={sending}>
          {sending ? t('submitting') : t('submit')}
        </button>
      </div>
    </form>
  );
}
