// The stakeholder form's values, its schema (the server's rules, checked early so the user sees them
// before sending: lengths, employee count within the size class, e-mail and phone shapes, and contact
// details only with consent) and the request bodies built from it.
import * as z from 'zod/mini';

import type { ApiRequestBody } from '@/api/types';

import type { Stakeholder } from './stakeholder-values';
import { sizeClasses, sizeRanges } from './stakeholder-values';

export type StakeholderFormValues = {
  name: string;
  external_id: string;
  kind: string;
  country: string;
  sector: string;
  size_class: string;
  employees: string;
  women_led: boolean;
  exporter: boolean;
  importer: boolean;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  consent_purpose: string;
  consent_at: string;
};

export const stakeholderFormFields = [
  'name',
  'external_id',
  'kind',
  'country',
  'sector',
  'size_class',
  'employees',
  'contact_name',
  'contact_email',
  'contact_phone',
  'consent_purpose',
  'consent_at',
] as const;

export type StakeholderFormMessages = {
  required: string;
  tooLong: string;
  employees: string;
  employeesSize: string;
  email: string;
  phone: string;
  consent: string;
  future: string;
};

const EMAIL = /^[^\s@]+@[^\s@.][^\s@]*\.[^\s@]+$/;
const PHONE = /^\+?[\d -]+$/;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function stakeholderFormSchema(m: StakeholderFormMessages) {
  const text = (max: number) => z.string().check(z.maxLength(max, m.tooLong));
  const required = (max: number) => z.string().check(z.trim(), z.minLength(1, m.required), z.maxLength(max, m.tooLong));
  return z
    .object({
      name: required(200),
      external_id: text(64),
      kind: required(16),
      country: required(3),
      sector: required(2),
      size_class: required(8),
      employees: z.string(),
      women_led: z.boolean(),
      exporter: z.boolean(),
      importer: z.boolean(),
      contact_name: text(200),
      contact_email: text(254),
      contact_phone: text(40),
      consent_purpose: text(500),
      consent_at: z.string(),
    })
    .check(
      z.superRefine((v, ctx) => {
        const issue = (path: keyof StakeholderFormValues, message: string) =>
          ctx.addIssue({ code: 'custom', message, path: [path], input: v[path] });
        const employees = v.employees.trim();
        if (employees !== '') {
          const n = Number(employees);
          const size = sizeClasses.find((s) => s === v.size_class);
          if (!Number.isInteger(n) || n < 0 || n > 249) issue('employees', m.employees);
          else if (size && (n < sizeRanges[size][0] || n > sizeRanges[size][1])) issue('employees', m.employeesSize);
        }
        const email = v.contact_email.trim();
        if (email !== '' && !EMAIL.test(email)) issue('contact_email', m.email);
        const phone = v.contact_phone.trim();
        const digits = phone.replace(/\D/g, '').length;
        if (phone !== '' && (!PHONE.test(phone) || digits < 6 || digits > 20)) issue('contact_phone', m.phone);
        const hasContact = [v.contact_name, email, phone].some((x) => x.trim() !== '');
        if (hasContact && v.consent_purpose.trim() === '') issue('consent_purpose', m.consent);
        if (hasContact && v.consent_at === '') issue('consent_at', m.consent);
        if (v.consent_at !== '' && v.consent_at > today()) issue('consent_at', m.future);
      }),
    );
}

const blank = (value: string) => (value.trim() === '' ? null : value.trim());

type CreateBody = ApiRequestBody<'/api/v1/stakeholders'>;

/** The create body: blank optional fields are left out as null. */
export function toCreateBody(v: StakeholderFormValues) {
  return {
    name: v.name.trim(),
    external_id: blank(v.external_id),
    // The selects offer only the API's values; the server checks them again.
    kind: v.kind as CreateBody['kind'],
    country: v.country,
    sector: v.sector as CreateBody['sector'],
    size_class: v.size_class as CreateBody['size_class'],
    employees: v.employees.trim() === '' ? null : Number(v.employees),
    women_led: v.women_led,
    exporter: v.exporter,
    importer: v.importer,
    contact_name: blank(v.contact_name),
    contact_email: blank(v.contact_email),
    contact_phone: blank(v.contact_phone),
    consent_purpose: blank(v.consent_purpose),
    consent_at: v.consent_at === '' ? null : v.consent_at,
  };
}

/**
 * The PATCH body for an edit. Contact fields are sent only when the user typed into them (they start
 * empty: the form never holds the stored values), so saving other fields keeps the stored contacts.
 */
export function toUpdateBody(v: StakeholderFormValues) {
  const { contact_name, contact_email, contact_phone, ...rest } = toCreateBody(v);
  return {
    ...rest,
    ...(contact_name === null ? {} : { contact_name }),
    ...(contact_email === null ? {} : { contact_email }),
    ...(contact_phone === null ? {} : { contact_phone }),
  };
}

export function formValuesOf(s?: Stakeholder, defaults?: Partial<StakeholderFormValues>): StakeholderFormValues {
  return {
    name: s?.name ?? '',
    external_id: s?.external_id ?? '',
    kind: s?.kind ?? 'msme',
    country: s?.country ?? defaults?.country ?? '',
    sector: s?.sector ?? '',
    size_class: s?.size_class ?? 'micro',
    employees: s?.employees == null ? '' : String(s.employees),
    women_led: s?.women_led ?? false,
    exporter: s?.exporter ?? false,
    importer: s?.importer ?? false,
    contact_name: '',
    contact_email: '',
    contact_phone: '',
    consent_purpose: s?.consent_purpose ?? '',
    consent_at: s?.consent_at ?? '',
  };
}
