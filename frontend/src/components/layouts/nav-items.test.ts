import { mayUse, navItems, navItemsFor } from './nav-items';

describe('navigation by role', () => {
  it('offers a delegate no Admin item', () => {
    const keys = navItemsFor('delegate').map((item) => item.key);
    expect(keys).not.toContain('admin');
    expect(keys).toEqual(expect.arrayContaining(['home', 'topics', 'consultations', 'impediments', 'stakeholders']));
  });

  it('offers the admin the Admin item', () => {
    expect(navItemsFor('admin').map((item) => item.key)).toContain('admin');
  });

  it('keeps every role but the admin out of the admin area', () => {
    const admin = navItems.find((item) => item.key === 'admin');
    expect(admin && ['analyst', 'delegate', 'focal_point', 'stakeholder'].some((role) => mayUse(admin, role))).toBe(false);
  });

  it('marks the areas a later release builds as coming', () => {
    // issue 10: briefings and meetings are built; issue 11: imports too
    expect(navItems.filter((item) => item.coming).map((item) => item.key)).toEqual([]);
  });

  // issue 10: briefings
  it('offers briefings to delegations, analysts and admins, never to stakeholders', () => {
    for (const role of ['delegate', 'focal_point', 'analyst', 'admin']) {
      expect(navItemsFor(role).map((item) => item.key)).toContain('briefings');
    }
    expect(navItemsFor('stakeholder').map((item) => item.key)).not.toContain('briefings');
  });

  it('offers the ministerial tracker and the alignment report to those who prepare a ministerial', () => {
    for (const role of ['delegate', 'focal_point', 'analyst', 'admin']) {
      expect(navItemsFor(role).map((item) => item.key)).toEqual(expect.arrayContaining(['ministerial', 'alignment']));
    }
    const keys = navItemsFor('stakeholder').map((item) => item.key);
    expect(keys).not.toContain('ministerial');
    expect(keys).not.toContain('alignment');
  });

  // issue 11: import-ui
  it('offers imports to those who may import some kind (analysts: WTO notifications) and webhooks to every role but stakeholders', () => {
    for (const role of ['delegate', 'focal_point', 'analyst', 'admin']) {
      expect(navItemsFor(role).map((item) => item.key)).toEqual(expect.arrayContaining(['imports', 'webhooks']));
    }
    const stakeholder = navItemsFor('stakeholder').map((item) => item.key);
    expect(stakeholder).not.toContain('imports');
    expect(stakeholder).not.toContain('webhooks');
  });
});
