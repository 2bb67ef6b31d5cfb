import { afterEach, describe, expect, it } from 'vitest';
import { getProposal } from '../identity/state.ts';
import {
  deadline,
  diplomaClass,
  type RegistryFixture,
  registryFixture,
  setClass,
  titleClass,
} from './registry-fixture.ts';
import { getClass } from './state.ts';

let f: RegistryFixture;
afterEach(async () => f?.chain.stop());

describe('register classes through governance', () => {
  it('creates a class only when its proposal passes, with sorted issuers and notaries', async () => {
    f = await registryFixture();
    const def = { ...titleClass(f), issuers: [f.school.oin!, f.registrar.oin!] };
    expect((await setClass(f, def)).error).toBe('');
    expect(getProposal(f.chain.app.committed, '1')?.status).toBe('passed');
    expect(getClass(f.chain.app.committed, 'eigendom')).toMatchObject({
      id: 'eigendom',
      kind: 'property_title',
      issuers: [f.registrar.oin, f.school.oin].sort(),
      transferable: true,
      notaries: [f.notary.oin],
      version: 1,
    });
  });

  it('waits for more than two thirds of the members before the class exists', async () => {
    f = await registryFixture();
    // Make the notary a second member: one approval of two is not enough.
    await f.chain.send(f.registrar, 'identity.submit_proposal', {
      title: 'Notaris wordt lid',
      action: { kind: 'set_member', oin: f.notary.oin!, member: true },
      deadline: deadline(f.chain),
    });
    expect((await setClass(f, diplomaClass(f))).error).toBe('');
    expect(getClass(f.chain.app.committed, 'diploma')).toBeUndefined();
    await f.chain.send(f.notary, 'identity.vote', { proposalId: '2', approve: true });
    expect(getClass(f.chain.app.committed, 'diploma')?.issuers).toEqual([f.school.oin]);
  });

  it('replaces a class when governance sets it again, counting versions', async () => {
    f = await registryFixture();
    await setClass(f, diplomaClass(f));
    await setClass(f, { ...diplomaClass(f), issuers: [f.school.oin!, f.outsider.oin!] });
    const cls = getClass(f.chain.app.committed, 'diploma')!;
    expect(cls.version).toBe(2);
    expect(cls.issuers).toEqual([f.school.oin, f.outsider.oin].sort());
  });

  it('refuses an issuer without the issuer or registrar role, and a notary without the notary role', async () => {
    f = await registryFixture();
    expect((await setClass(f, { ...diplomaClass(f), issuers: [f.bank.oin!] })).error).toBe(
      'registry.bad_class',
    );
    expect((await setClass(f, { ...titleClass(f), notaries: [f.bank.oin!] })).error).toBe(
      'registry.bad_class',
    );
    expect(getClass(f.chain.app.committed, 'diploma')).toBeUndefined();
  });

  it('refuses unknown organisations and notaries on a non-transferable class', async () => {
    f = await registryFixture();
    const unknown = await setClass(f, { ...diplomaClass(f), issuers: ['00000004999999999999'] });
    expect(unknown.error).toBe('identity.unknown_organisation');
    const notaries = await setClass(f, { ...diplomaClass(f), notaries: [f.notary.oin!] });
    expect(notaries.error).toBe('tx.invalid_body');
    expect(notaries.log).toContain('notaries');
  });
});
