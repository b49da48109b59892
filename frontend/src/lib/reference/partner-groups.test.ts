import { readFileSync } from 'node:fs';
import path from 'node:path';

import { partnerGroups } from './partner-groups';

describe('partner groups', () => {
  it('offers exactly the groups the server accepts', () => {
    const rust = readFileSync(path.resolve(import.meta.dirname, '../../../../crates/domain/src/impediment.rs'), 'utf8');
    const declared = /PARTNER_GROUPS: &\[&str\] = &\[([^\]]*)\]/.exec(rust)?.[1];
    expect(declared, 'PARTNER_GROUPS not found in crates/domain/src/impediment.rs').toBeDefined();
    const server = [...(declared ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    expect([...partnerGroups]).toEqual(server);
  });
});
