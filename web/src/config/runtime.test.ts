import { apiUrl, getRuntimeConfig, loadRuntimeConfig, parseRuntimeConfig, setRuntimeConfig, staleAfterHours } from './runtime';

describe('runtime config', () => {
  afterEach(() => setRuntimeConfig({ apiBaseUrl: 'http://localhost' }));

  it('defaults to the same origin', () => {
    expect(parseRuntimeConfig(null)).toEqual({ apiBaseUrl: '' });
    expect(parseRuntimeConfig({})).toEqual({ apiBaseUrl: '' });
    expect(parseRuntimeConfig({ apiBaseUrl: 42 })).toEqual({ apiBaseUrl: '' });
  });
  it('accepts absolute URLs and paths, without trailing slashes', () => {
    expect(parseRuntimeConfig({ apiBaseUrl: 'https://api.example.jp/' })).toEqual({ apiBaseUrl: 'https://api.example.jp' });
    expect(parseRuntimeConfig({ apiBaseUrl: '/gateway/' })).toEqual({ apiBaseUrl: '/gateway' });
    expect(parseRuntimeConfig({ apiBaseUrl: 'javascript:alert(1)' })).toEqual({ apiBaseUrl: '' });
  });
  it('loads /config.json and falls back when it is missing or broken', async () => {
    const ok = vi.fn().mockResolvedValue(new Response(JSON.stringify({ apiBaseUrl: 'https://x.test' })));
    await loadRuntimeConfig(ok as unknown as typeof fetch);
    expect(ok).toHaveBeenCalledWith('/config.json', expect.objectContaining({ cache: 'no-store' }));
    expect(apiUrl('/api/auth/me')).toBe('https://x.test/api/auth/me');

    const missing = vi.fn().mockResolvedValue(new Response('', { status: 404 }));
    await loadRuntimeConfig(missing as unknown as typeof fetch);
    expect(getRuntimeConfig()).toEqual({ apiBaseUrl: '' });

    const down = vi.fn().mockRejectedValue(new TypeError('offline'));
    await loadRuntimeConfig(down as unknown as typeof fetch);
    expect(apiUrl('/api/x')).toBe('/api/x');
  });
});

describe('runtime config: staleness threshold', () => {
  afterEach(() => setRuntimeConfig({ apiBaseUrl: 'http://localhost' }));
  it('takes a positive number of hours, otherwise 24', () => {
    expect(parseRuntimeConfig({ apiBaseUrl: '', staleAfterHours: 6 })).toEqual({ apiBaseUrl: '', staleAfterHours: 6 });
    expect(parseRuntimeConfig({ staleAfterHours: -1 })).toEqual({ apiBaseUrl: '' });
    expect(parseRuntimeConfig({ staleAfterHours: '6' })).toEqual({ apiBaseUrl: '' });
    expect(staleAfterHours()).toBe(24);
    setRuntimeConfig(parseRuntimeConfig({ apiBaseUrl: 'http://localhost', staleAfterHours: 48 }));
    expect(staleAfterHours()).toBe(48);
  });
});
