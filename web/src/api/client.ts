// One API client for the whole app, talking to the node that served it (same origin, so the
// node's CSP `connect-src 'self'` holds). Signing happens here in the browser with @noble
// (src/core/ed25519-browser.ts, the node's strict rules); private keys never go over the wire.
import { KetenboekClient } from '../../../src/client/browser.ts';

export const client = new KetenboekClient({ baseUrl: location.origin });

export { KetenboekApiError, KetenboekNetworkError } from '../../../src/client/browser.ts';
export type * from '../../../src/client/types.ts';
