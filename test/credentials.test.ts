import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { readCredentials } from '../src/admission/credentials.js';
import { InvalidInputError, UnauthenticatedError } from '../src/errors.js';

const config = loadConfig({ GANTRY_CONTAINERS_SERVICE_TOKEN: 'svc-token' });

describe('readCredentials', () => {
  it('sends the bearer token to every backend, overridden per backend', () => {
    const credentials = readCredentials({ authorization: 'Bearer t-all', backendTokens: 'vmImages=t-vm, ciImages = t-ci' }, config);
    expect(credentials.tokenFor('vmImages')).toBe('t-vm');
    expect(credentials.tokenFor('ciImages')).toBe('t-ci');
    expect(credentials.tokenFor('serverless')).toBe('t-all');
  });

  it('falls back to a configured service token only where the caller sent none', () => {
    expect(readCredentials({}, config).tokenFor('containers')).toBe('svc-token');
    expect(readCredentials({}, config).tokenFor('vmImages')).toBeUndefined();
    expect(readCredentials({ authorization: 'Bearer mine' }, config).tokenFor('containers')).toBe('mine');
  });

  it('accepts the connectionParams object form', () => {
    expect(readCredentials({ backendTokens: { serverless: 'jwt' } }, config).tokenFor('serverless')).toBe('jwt');
  });

  it('refuses a non-bearer Authorization and malformed backend tokens', () => {
    expect(() => readCredentials({ authorization: 'Basic dXNlcg==' }, config)).toThrow(UnauthenticatedError);
    expect(() => readCredentials({ backendTokens: 'nova=x' }, config)).toThrow(InvalidInputError);
    expect(() => readCredentials({ backendTokens: 'vmImages' }, config)).toThrow(/needs a token/);
  });
});
