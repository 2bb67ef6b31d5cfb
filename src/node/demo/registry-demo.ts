// Demo registers: fake parcels (with a mortgage, a completed and a pending transfer), swimming
// diplomas and permits. Every holder is a demo key, every document hash is of a made-up text.
import type { TxResult } from '../../app/types.ts';
import { sha256Hex } from '../../core/hash-node.ts';
import type { RegisterClassDefinition } from '../../modules/registry/keeper.ts';
import type { DemoContext, DemoLoader } from './demo-context.ts';
import { DEMO_ORGS } from './demo-orgs.ts';

const oin = (ctx: DemoContext, keyName: string) => ctx.key(keyName).oin!;
const resident = (ctx: DemoContext, name: string) => ({
  kind: 'key' as const,
  pubKey: ctx.key(name).publicKey,
});
const demoDoc = (label: string) => sha256Hex(`demo document: ${label}`);
const addDays = (time: string, days: number) =>
  new Date(Date.parse(time) + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

function eventAttr(r: TxResult, type: string, key: string): string | undefined {
  return r.events.find((e) => e.type === type)?.attributes.find((a) => a.key === key)?.value;
}

/** Proposes a register class and lets the other demo members approve it until it passes. */
async function createClass(ctx: DemoContext, def: RegisterClassDefinition): Promise<void> {
  const deadline = new Date(Date.parse(ctx.now()) + 7 * 24 * 3600 * 1000).toISOString();
  const submitted = await ctx.send('gemeente-voorbeeldstad', 'identity.submit_proposal', {
    title: `Registerklasse ${def.name}`,
    action: { kind: 'set_register_class', registerClass: def },
    deadline,
  });
  if (eventAttr(submitted, 'identity.proposal_passed', 'proposal')) return;
  const proposalId = eventAttr(submitted, 'identity.proposal_submitted', 'proposal')!;
  for (const member of DEMO_ORGS.filter((o) => o.member && o.keyName !== 'gemeente-voorbeeldstad')) {
    const vote = await ctx.send(member.keyName, 'identity.vote', { proposalId, approve: true });
    if (eventAttr(vote, 'identity.proposal_passed', 'proposal')) return;
  }
  throw new Error(`demo register class ${def.id} did not pass`);
}

async function parcels(ctx: DemoContext): Promise<void> {
  const parcel = (id: string, holder: unknown, aanduiding: string, m2: string) =>
    ctx.send('gemeente-voorbeeldstad', 'registry.issue', {
      id,
      classId: 'eigendomsbewijs',
      holder,
      attributes: { kadastraleAanduiding: aanduiding, oppervlakteM2: m2, gebruik: 'wonen' },
      documentHash: demoDoc(`akte van levering ${id}`),
      validFrom: '2026-01-01',
    });
  await parcel('perceel-vbs-a-0001', resident(ctx, 'bewoner-1'), 'VOORBEELDSTAD A 0001', '212');
  await parcel('perceel-vbs-a-0002', resident(ctx, 'bewoner-2'), 'VOORBEELDSTAD A 0002', '180');
  await parcel(
    'perceel-vbs-b-0107',
    { kind: 'organisation', oin: oin(ctx, 'zorg-demo') },
    'VOORBEELDSTAD B 0107',
    '1450',
  );
  // A mortgage: granted by the holder to the bank; it blocks any transfer until the bank releases it.
  await ctx.send('bewoner-1', 'registry.encumber', {
    recordId: 'perceel-vbs-a-0001',
    encumbranceId: 'hypotheek-2026-01',
    kind: 'mortgage',
    creditor: oin(ctx, 'bank-fictief'),
    amountCents: '24500000',
    deedHash: demoDoc('hypotheekakte perceel-vbs-a-0001'),
  });
  // A completed sale: seller proposes, buyer accepts, the notary confirms.
  const deedHash = demoDoc('koopakte perceel-vbs-a-0002');
  await ctx.send('bewoner-2', 'registry.propose_transfer', {
    recordId: 'perceel-vbs-a-0002',
    to: resident(ctx, 'bewoner-3'),
    deedHash,
  });
  await ctx.send('bewoner-3', 'registry.accept_transfer', { recordId: 'perceel-vbs-a-0002' });
  await ctx.send('notaris-voorbeeld', 'registry.confirm_transfer', { recordId: 'perceel-vbs-a-0002' });
  // A sale waiting for the notary.
  await ctx.send('zorg-demo', 'registry.propose_transfer', {
    recordId: 'perceel-vbs-b-0107',
    to: resident(ctx, 'bewoner-4'),
  });
  await ctx.send('bewoner-4', 'registry.accept_transfer', { recordId: 'perceel-vbs-b-0107' });
}

async function diplomas(ctx: DemoContext): Promise<void> {
  for (const [id, holder, level] of [
    ['zwem-a-0001', 'bewoner-3', 'A'],
    ['zwem-b-0001', 'bewoner-3', 'B'],
    ['zwem-a-0002', 'bewoner-4', 'A'],
  ] as const) {
    await ctx.send('sportclub-de-testers', 'registry.issue', {
      id,
      classId: 'zwemdiploma',
      holder: resident(ctx, holder),
      attributes: { diploma: `Zwemdiploma ${level}`, examenplaats: 'Testbad Voorbeeldstad' },
      documentHash: demoDoc(`zwemdiploma ${id}`),
      validFrom: '2026-06-01',
    });
  }
}

async function permits(ctx: DemoContext): Promise<void> {
  const today = ctx.now().slice(0, 10);
  const permit = (
    keyName: string,
    id: string,
    classId: string,
    holder: unknown,
    attributes: Record<string, string>,
    validUntil?: string,
  ) =>
    ctx.send(keyName, 'registry.issue', {
      id,
      classId,
      holder,
      attributes,
      documentHash: demoDoc(`vergunning ${id}`),
      validFrom: today,
      ...(validUntil ? { validUntil } : {}),
    });
  await permit(
    'gemeente-voorbeeldstad',
    'omgv-vbs-2026-001',
    'omgevingsvergunning',
    resident(ctx, 'bewoner-1'),
    { activiteit: 'bouwen', object: 'dakkapel' },
  );
  await permit(
    'gemeente-proefdorp',
    'omgv-pd-2026-001',
    'omgevingsvergunning',
    { kind: 'organisation', oin: oin(ctx, 'museum-nepstad') },
    {
      activiteit: 'evenement',
      object: 'zomerexpositie buiten',
    },
    addDays(ctx.now(), 90),
  );
  await permit(
    'gemeente-voorbeeldstad',
    'omgv-vbs-2026-002',
    'omgevingsvergunning',
    resident(ctx, 'bewoner-2'),
    { activiteit: 'kappen', object: 'boom' },
  );
  await ctx.send('gemeente-voorbeeldstad', 'registry.revoke', {
    recordId: 'omgv-vbs-2026-002',
    reason: 'Bezwaar gegrond verklaard',
  });
  await permit(
    'gemeente-voorbeeldstad',
    'parkeer-vbs-0001',
    'parkeervergunning',
    resident(ctx, 'bewoner-3'),
    { zone: 'Centrum-Noord', type: 'bewoner' },
    addDays(ctx.now(), 365),
  );
  await permit(
    'gemeente-voorbeeldstad',
    'parkeer-vbs-0002',
    'parkeervergunning',
    resident(ctx, 'bewoner-4'),
    { zone: 'Centrum-Zuid', type: 'bewoner' },
    addDays(ctx.now(), 365),
  );
  await ctx.send('gemeente-voorbeeldstad', 'registry.suspend', {
    recordId: 'parkeer-vbs-0002',
    reason: 'Kenteken wordt gecontroleerd',
  });
}

export const registryDemo: DemoLoader = {
  name: 'registers: parcels, diplomas and permits',
  async load(ctx) {
    const gemeente = oin(ctx, 'gemeente-voorbeeldstad');
    await createClass(ctx, {
      id: 'eigendomsbewijs',
      name: 'Eigendomsbewijs onroerende zaak (demo)',
      kind: 'property_title',
      issuers: [gemeente],
      transferable: true,
      notaries: [oin(ctx, 'notaris-voorbeeld')],
    });
    await createClass(ctx, {
      id: 'zwemdiploma',
      name: 'Zwemdiploma (demo)',
      kind: 'certificate',
      issuers: [oin(ctx, 'sportclub-de-testers')],
      transferable: false,
      notaries: [],
    });
    await createClass(ctx, {
      id: 'omgevingsvergunning',
      name: 'Omgevingsvergunning (demo)',
      kind: 'permit',
      issuers: [gemeente, oin(ctx, 'gemeente-proefdorp')],
      transferable: false,
      notaries: [],
    });
    await createClass(ctx, {
      id: 'parkeervergunning',
      name: 'Parkeervergunning (demo)',
      kind: 'permit',
      issuers: [gemeente],
      transferable: false,
      notaries: [],
    });
    await parcels(ctx);
    await diplomas(ctx);
    await permits(ctx);
    ctx.log(
      'registry demo: 4 register classes, 3 parcels (1 mortgaged, 1 sold, 1 awaiting the notary), 3 diplomas, 5 permits',
    );
  },
};
