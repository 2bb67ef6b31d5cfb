// Shared set-up for the registry tests: a chain with a land registry, a school, a notary, a bank
// and an issuer no class names. Everything here is fake test data.
import { sha256Hex } from '../../core/hash-node.ts';
import { createTestChain, type TestChain, type TestKey } from '../../testing/test-chain.ts';
import { identityModule } from '../identity/index.ts';
import { registryModule } from './index.ts';
import type { RegisterClassDefinition } from './keeper.ts';

export interface RegistryFixture {
  chain: TestChain;
  registrar: TestKey;
  school: TestKey;
  notary: TestKey;
  bank: TestKey;
  outsider: TestKey;
  seller: TestKey;
  buyer: TestKey;
}

export async function registryFixture(): Promise<RegistryFixture> {
  const chain = await createTestChain({
    // Only the modules the registry builds on, so these tests judge the registry alone.
    modules: [identityModule, registryModule],
    // Genesis "now": before the first block, proposals are checked against the genesis time, and a
    // deadline must lie within the voting period of both that time and the first block's.
    genesisTime: new Date().toISOString(),
    orgs: [
      { roles: ['registrar'], member: true, name: 'Testkadaster' },
      { roles: ['issuer'], name: 'Testschool' },
      { roles: ['notary'], name: 'Testnotaris' },
      { roles: ['case_partner'], name: 'Testbank' },
      { roles: ['issuer'], name: 'Niet-bevoegde uitgever' },
    ],
  });
  const [registrar, school, notary, bank, outsider] = chain.orgs as [
    TestKey,
    TestKey,
    TestKey,
    TestKey,
    TestKey,
  ];
  return {
    chain,
    registrar,
    school,
    notary,
    bank,
    outsider,
    seller: chain.newAccount(),
    buyer: chain.newAccount(),
  };
}

export function deadline(c: TestChain, seconds = 3600): string {
  // Block times follow the wall clock but never go backwards: start from the later of the two.
  const last = c.app.store.block(c.app.lastHeight)?.header.time;
  const base = Math.max(Date.now(), last ? Date.parse(last) : 0);
  return new Date(base + seconds * 1000).toISOString();
}

/** Sets a register class through governance (the registrar is the only member, so it passes at once). */
export async function setClass(f: RegistryFixture, def: RegisterClassDefinition) {
  return f.chain.trySend(f.registrar, 'identity.submit_proposal', {
    title: `Registerklasse ${def.id}`,
    action: { kind: 'set_register_class', registerClass: def },
    deadline: deadline(f.chain),
  });
}

export const titleClass = (f: RegistryFixture): RegisterClassDefinition => ({
  id: 'eigendom',
  name: 'Eigendomsbewijs (test)',
  kind: 'property_title',
  issuers: [f.registrar.oin!],
  transferable: true,
  notaries: [f.notary.oin!],
});

export const diplomaClass = (f: RegistryFixture): RegisterClassDefinition => ({
  id: 'diploma',
  name: 'Diploma (test)',
  kind: 'certificate',
  issuers: [f.school.oin!],
  transferable: false,
  notaries: [],
});

export const doc = (label: string) => sha256Hex(`fake test document: ${label}`);

/** A property title held by the seller, in a chain where both classes exist. */
export async function withTitle(f: RegistryFixture, id = 'perceel-1') {
  await f.chain.send(f.registrar, 'identity.submit_proposal', {
    title: 'Klasse eigendom',
    action: { kind: 'set_register_class', registerClass: titleClass(f) },
    deadline: deadline(f.chain),
  });
  await f.chain.send(f.registrar, 'registry.issue', {
    id,
    classId: 'eigendom',
    holder: { kind: 'key', pubKey: f.seller.publicKey },
    attributes: { parcel: 'TESTSTAD A 1234', areaM2: '250' },
    documentHash: doc(id),
    validFrom: '2026-01-01',
  });
  return id;
}

/** The error code of a tx (check-time or deliver-time refusal), '' when it succeeded. */
export async function refusal(
  f: RegistryFixture,
  key: TestKey,
  type: string,
  body: unknown,
): Promise<string> {
  return (await f.chain.trySend(key, type, body)).error;
}
