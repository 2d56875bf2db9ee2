import { ApiError, problemFromResponse, toApiError } from './problem';

describe('problem+json', () => {
  it('reads code, detail, field errors and Retry-After', async () => {
    const res = new Response(
      JSON.stringify({
        title: 'Bad Request',
        status: 400,
        code: 'VALIDATION_ERROR',
        detail: 'The request is invalid',
        errors: [{ field: 'username', message: 'too short' }],
      }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '3' } },
    );
    const e = await problemFromResponse(res);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('VALIDATION_ERROR');
    expect(e.detail).toBe('The request is invalid');
    expect(e.fieldErrors).toEqual([{ field: 'username', message: 'too short' }]);
    expect(e.retryAfter).toBe(3);
  });
  it('copes with a body that is not JSON', async () => {
    const e = await problemFromResponse(new Response('<html>oops</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(e.status).toBe(502);
    expect(e.code).toBe('HTTP_502');
  });
  it('turns network failures into NETWORK_ERROR', () => {
    expect(toApiError(new TypeError('Failed to fetch')).code).toBe('NETWORK_ERROR');
  });
});
