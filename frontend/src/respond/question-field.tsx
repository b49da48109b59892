// One question, rendered by kind: radios (single choice), checkboxes (multi choice), a row of numbered
// radios with end labels (scale), a decimal text input with bounds (number) or a textarea with a
// character counter (text). Labels sit above inputs; choice groups are fieldsets with legends; an
// error sits under the label, is tied to the inputs by aria-describedby and marks them aria-invalid.
import { charCount, DEFAULT_TEXT_MAX, type Draft } from './answers';
import type { PublicQuestion } from './api-types';
import { answerErrorId, answerInputId } from './field-errors';
import { frameAttributes } from './languages';
import type { Translate } from './messages';

type QuestionFieldProps = {
  question: PublicQuestion;
  draft: Draft;
  onChange: (draft: Draft) => void;
  error?: string;
  t: Translate;
  /** The page's language, for numbers. */
  lang: string;
  /** The language of the page's own words when it differs from the questionnaire's. */
  frameLang?: string;
};

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

function Required({ t, frameLang }: Pick<QuestionFieldProps, 't' | 'frameLang'>) {
  return (
    <span className="req" {...frameAttributes(frameLang)}>
      {t('required')}
    </span>
  );
}

function ErrorText({ id, message, frameLang }: { id: string; message?: string; frameLang?: string }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} {...frameAttributes(frameLang)}>
      {message}
    </p>
  );
}

function ChoiceGroup({ question, draft, onChange, error, t, frameLang }: QuestionFieldProps) {
  const multiple = question.kind === 'multi_choice';
  const chosen = multiple ? (Array.isArray(draft) ? draft : []) : typeof draft === 'string' ? draft : '';
  const errorId = answerErrorId(question.code);
  const hintId = `${answerInputId(question.code)}-hint`;
  const options = question.options ?? [];

  function toggle(id: string, on: boolean) {
    if (!multiple) return onChange(id);
    const current = Array.isArray(draft) ? draft : [];
    onChange(on ? [...current.filter((c) => c !== id), id] : current.filter((c) => c !== id));
  }

  return (
    <fieldset className="question" aria-describedby={hintId}>
      <legend>
        <span className="prompt">{question.prompt}</span>
        {question.required ? <Required t={t} frameLang={frameLang} /> : null}
      </legend>
      <p className="hint" id={hintId} {...frameAttributes(frameLang)}>
        {multiple ? t('chooseAny') : t('chooseOne')}
      </p>
      <ErrorText id={errorId} message={error} frameLang={frameLang} />
      {/* Radios do not take aria-invalid; their radiogroup does (ARIA 1.2). Checkboxes take it. */}
      <div
        className="choices"
        role={multiple ? undefined : 'radiogroup'}
        aria-invalid={!multiple && error ? true : undefined}
        aria-describedby={!multiple && error ? errorId : undefined}
      >
        {options.map((option, index) => (
          <label className="choice" key={option.id}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              id={index === 0 ? answerInputId(question.code) : undefined}
              name={`q-${question.code}`}
              value={option.id}
              checked={multiple ? chosen.includes(option.id) : chosen === option.id}
              onChange={(event) => toggle(option.id, event.currentTarget.checked)}
              aria-invalid={multiple && error ? true : undefined}
              aria-describedby={multiple && error ? errorId : undefined}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {!multiple && !question.required && chosen !== '' ? (
        <button
          type="button"
          className="link-button"
          {...frameAttributes(frameLang)}
          onClick={() => onChange(undefined)}
        >
          {t('clear')}
        </button>
      ) : null}
    </fieldset>
  );
}

function ScaleRow({ question, draft, onChange, error, t, lang, frameLang }: QuestionFieldProps) {
  const min = question.min ?? 1;
  const max = question.max ?? 5;
  const values = Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
  const numbers = new Intl.NumberFormat(lang);
  const errorId = answerErrorId(question.code);
  const hasEnds = Boolean(question.min_label || question.max_label);

  return (
    <fieldset className="question">
      <legend>
        <span className="prompt">{question.prompt}</span>
        {question.required ? <Required t={t} frameLang={frameLang} /> : null}
      </legend>
      <ErrorText id={errorId} message={error} frameLang={frameLang} />
      <div
        className="scale"
        role="radiogroup"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        {values.map((value, index) => {
          // The end labels are part of the end values' names, so they are heard with them.
          const end = value === min ? question.min_label : value === max ? question.max_label : null;
          return (
            <label className="scale-point" key={value}>
              <input
                type="radio"
                id={index === 0 ? answerInputId(question.code) : undefined}
                name={`q-${question.code}`}
                value={value}
                checked={draft === value}
                onChange={() => onChange(value)}
              />
              <span aria-hidden="true">{numbers.format(value)}</span>
              <span className="visually-hidden">
                {numbers.format(value)}
                {end ? ` – ${end}` : ''}
              </span>
            </label>
          );
        })}
      </div>
      {hasEnds ? (
        <div className="scale-ends" aria-hidden="true">
          <span>{question.min_label ?? ''}</span>
          <span>{question.max_label ?? ''}</span>
        </div>
      ) : null}
      {!question.required && draft !== undefined ? (
        <button
          type="button"
          className="link-button"
          {...frameAttributes(frameLang)}
          onClick={() => onChange(undefined)}
        >
          {t('clear')}
        </button>
      ) : null}
    </fieldset>
  );
}

function numberHint(question: PublicQuestion, t: Translate): string {
  const { min, max } = question;
  if (min != null && max != null) return t('numberRangeHint', { min, max });
  if (min != null) return t('numberMinHint', { min });
  if (max != null) return t('numberMaxHint', { max });
  return t('numberHint');
}

function NumberField({ question, draft, onChange, error, t, frameLang }: QuestionFieldProps) {
  const id = answerInputId(question.code);
  const errorId = answerErrorId(question.code);
  const hintId = `${id}-hint`;
  return (
    <div className="question">
      <label htmlFor={id}>
        <span className="prompt">{question.prompt}</span>
        {question.required ? <Required t={t} frameLang={frameLang} /> : null}
      </label>
      <p className="hint" id={hintId} {...frameAttributes(frameLang)}>
        {numberHint(question, t)}
      </p>
      <ErrorText id={errorId} message={error} frameLang={frameLang} />
      <input
        id={id}
        className="input input-number"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={typeof draft === 'string' || typeof draft === 'number' ? String(draft) : ''}
        onChange={(event) => onChange(event.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, error && errorId)}
        aria-required={question.required || undefined}
      />
    </div>
  );
}

function TextField({ question, draft, onChange, error, t, frameLang }: QuestionFieldProps) {
  const id = answerInputId(question.code);
  const errorId = answerErrorId(question.code);
  const countId = `${id}-count`;
  const max = question.max_length ?? DEFAULT_TEXT_MAX;
  const text = typeof draft === 'string' ? draft : '';
  const count = charCount(text.trim());
  return (
    <div className="question">
      <label htmlFor={id}>
        <span className="prompt">{question.prompt}</span>
        {question.required ? <Required t={t} frameLang={frameLang} /> : null}
      </label>
      <ErrorText id={errorId} message={error} frameLang={frameLang} />
      <textarea
        id={id}
        className="input"
        rows={4}
        value={text}
        onChange={(event) => onChange(event.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(countId, error && errorId)}
        aria-required={question.required || undefined}
      />
      <p className={count > max ? 'counter over' : 'counter'} id={countId} {...frameAttributes(frameLang)}>
        {t('charCount', { count, max })}
      </p>
    </div>
  );
}

export function QuestionField(props: QuestionFieldProps) {
  switch (props.question.kind) {
    case 'single_choice':
    case 'multi_choice':
      return <ChoiceGroup {...props} />;
    case 'scale':
      return <ScaleRow {...props} />;
    case 'number':
      return <NumberField {...props} />;
    default:
      return <TextField {...props} />;
  }
}
