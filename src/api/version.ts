// The API contract version. The major version is in the URI (/v1); the full semantic version is
// in every response's API-Version header and in the OpenAPI document, which must agree.
export const API_VERSION = '1.0.0';
export const API_BASE = '/v1';
