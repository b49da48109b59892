import { allowedNextSteps, canReport } from './impediment-values';

const owner = 'bgd';
const delegate = { role: 'delegate', delegationId: owner };
const focalPoint = { role: 'focal_point', delegationId: owner };
const otherDelegate = { role: 'delegate', delegationId: 'npl' };
const analyst = { role: 'analyst', delegationId: null };
const admin = { role: 'admin' };
const stakeholder = { role: 'stakeholder', delegationId: owner };

describe('allowed next steps', () => {
  it('lets the owning delegation and staff triage a reported impediment', () => {
    expect(allowedNextSteps('reported', delegate, owner)).toEqual(['under_review', 'dismissed']);
    expect(allowedNextSteps('reported', focalPoint, owner)).toEqual(['under_review', 'dismissed']);
    expect(allowedNextSteps('reported', analyst, owner)).toEqual(['under_review', 'dismissed']);
    expect(allowedNextSteps('reported', admin, owner)).toEqual(['under_review', 'dismissed']);
  });

  it('keeps validation to analysts and admins', () => {
    expect(allowedNextSteps('under_review', analyst, owner)).toEqual(['validated', 'dismissed']);
    expect(allowedNextSteps('under_review', admin, owner)).toEqual(['validated', 'dismissed']);
    expect(allowedNextSteps('under_review', delegate, owner)).toEqual(['dismissed']);
  });

  it('keeps raising and resolving to the owning delegation and admins', () => {
    expect(allowedNextSteps('validated', delegate, owner)).toEqual(['raised', 'dismissed']);
    expect(allowedNextSteps('validated', analyst, owner)).toEqual(['dismissed']);
    expect(allowedNextSteps('validated', admin, owner)).toEqual(['raised', 'dismissed']);
    expect(allowedNextSteps('raised', delegate, owner)).toEqual(['resolved']);
    expect(allowedNextSteps('raised', admin, owner)).toEqual(['resolved']);
    expect(allowedNextSteps('raised', analyst, owner)).toEqual([]);
  });

  it('offers nothing to other delegations or stakeholders', () => {
    for (const status of ['reported', 'under_review', 'validated', 'raised']) {
      expect(allowedNextSteps(status, otherDelegate, owner)).toEqual([]);
      expect(allowedNextSteps(status, stakeholder, owner)).toEqual([]);
    }
  });

  it('ends at resolved and dismissed, and ignores unknown statuses', () => {
    expect(allowedNextSteps('resolved', admin, owner)).toEqual([]);
    expect(allowedNextSteps('dismissed', admin, owner)).toEqual([]);
    expect(allowedNextSteps('archived', admin, owner)).toEqual([]);
  });

  it('lets delegation members and admins report', () => {
    expect(['delegate', 'focal_point', 'admin', 'analyst', 'stakeholder'].filter(canReport)).toEqual([
      'delegate',
      'focal_point',
      'admin',
    ]);
  });
});
