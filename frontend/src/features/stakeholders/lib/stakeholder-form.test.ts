import { formValuesOf, stakeholderFormSchema, toCreateBody } from './stakeholder-form';

const messages = {
  required: 'required',
  tooLong: 'too long',
  employees: 'employees',
  employeesSize: 'size',
  email: 'email',
  phone: 'phone',
  consent: 'consent',
  future: 'future',
};

function errorsOf(values: Parameters<typeof toCreateBody>[0]) {
  const result = stakeholderFormSchema(messages).safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

const valid = { ...formValuesOf(), name: 'Dhaka Knitwear Ltd', country: 'BGD', sector: 'C' };

describe('the stakeholder form schema', () => {
  it('accepts a stakeholder without contact details and builds the body', () => {
    expect(errorsOf(valid)).toEqual({});
    expect(toCreateBody({ ...valid, employees: '7' })).toMatchObject({ employees: 7, contact_email: null });
  });

  it('asks for consent when any contact detail is given', () => {
    expect(errorsOf({ ...valid, contact_email: 'owner@example.org' })).toEqual({
      consent_purpose: 'consent',
      consent_at: 'consent',
    });
  });

  it('checks the employee count against the size class, and e-mail and phone shapes', () => {
    const errors = errorsOf({
      ...valid,
      size_class: 'micro',
      employees: '12',
      contact_email: 'not-an-email',
      contact_phone: '12-34',
      consent_purpose: 'consultations',
      consent_at: '2999-01-01',
    });
    expect(errors).toEqual({ employees: 'size', contact_email: 'email', contact_phone: 'phone', consent_at: 'future' });
  });
});
