import { expect, test } from '@playwright/test';

test.describe('security of the pages themselves', () => {
  test('pages carry a nonce-based CSP, refuse framing and sniffing', async ({ request }) => {
    const response = await request.get('/login');
    const headers = response.headers();
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  test('a form posted from another site is refused (CSRF)', async ({ request }) => {
    const response = await request.post('/login', {
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      data: 'email=accountant%40demo.fact&password=demo-accountant',
    });
    expect(response.status()).toBe(403);
    expect(response.headers()['set-cookie'] ?? '').not.toContain('fact_session');
  });
});
