// "About your business": country, sector, size and whether women lead it — every field optional, so
// a respondent can skip the section and still be heard. Results are broken down by these.
import type { ProfileDraft } from './answers';
import { profileErrorId, profileInputId, type FieldErrors, type ProfileField } from './field-errors';
import { frameAttributes } from './languages';
import type { Translate } from './messages';
import { countryOptions, sectorOptions, sizeClasses, womenLedChoices, type WomenLedChoice } from './profile-values';

type ProfileSectionProps = {
  profile: ProfileDraft;
  onChange: (field: ProfileField, value: string) => void;
  errors: FieldErrors['profile'];
  t: Translate;
  /** The questionnaire's language (the section's words are in `t.lang`, English when there is no dictionary). */
  lang: string;
};

export function ProfileSection({ profile, onChange, errors, t, lang }: ProfileSectionProps) {
  function select(
    field: Exclude<ProfileField, 'women_led'>,
    label: string,
    options: { value: string; label: string }[],
  ) {
    const id = profileInputId(field);
    const error = errors[field];
    return (
      <div className="question">
        <label htmlFor={id}>{label}</label>
        {error ? (
          <p className="field-error" id={profileErrorId(field)}>
            {t('error.profile')}
          </p>
        ) : null}
        <select
          id={id}
          className="input"
          value={profile[field]}
          onChange={(event) => onChange(field, event.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? profileErrorId(field) : undefined}
        >
          <option value="">{t('notGiven')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    );
  }

  const womenLedError = errors.women_led;
  return (
    <section
      className="profile"
      aria-labelledby="profile-heading"
      {...frameAttributes(t.lang === lang ? undefined : t.lang)}
    >
      <h2 id="profile-heading">{t('profile.title')}</h2>
      <p className="hint">{t('profile.intro')}</p>
      {select('country', t('profile.country'), countryOptions(t))}
      {select('sector', t('profile.sector'), sectorOptions(t))}
      {select(
        'size_class',
        t('profile.size_class'),
        sizeClasses.map((size) => ({ value: size, label: t(`profile.${size}`) })),
      )}
      <fieldset className="question">
        <legend>{t('profile.women_led')}</legend>
        {womenLedError ? (
          <p className="field-error" id={profileErrorId('women_led')}>
            {t('error.profile')}
          </p>
        ) : null}
        <div
          className="choices"
          role="radiogroup"
          aria-invalid={womenLedError ? true : undefined}
          aria-describedby={womenLedError ? profileErrorId('women_led') : undefined}
        >
          {womenLedChoices.map((choice: WomenLedChoice, index) => (
            <label className="choice" key={choice}>
              <input
                type="radio"
                id={index === 0 ? profileInputId('women_led') : undefined}
                name="profile-women_led"
                value={choice}
                checked={profile.women_led === choice}
                onChange={() => onChange('women_led', choice)}
              />
              <span>{t(`profile.${choice}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
