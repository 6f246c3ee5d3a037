import { fail, redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { isApiFailure, load404 } from '$lib/server/errors.js';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in person's second factor: set it up (QR code + key), confirm it, turn it off. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const status = await load404(locals.api.auth.totp.status());
  return {
    enabled: status.enabled,
    enabledAt: status.enabledAt,
    // Made on the server from the otpauth:// URI by the qrcode library: modules only, no user text.
    pending: status.pending ? { secret: status.pending.secret, qr: await QRCode.toString(status.pending.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) } : null,
    done: url.searchParams.get('done'),
  };
};

async function withCode(request: Request, run: (code: string) => Promise<unknown>, done: string) {
  const code = String((await request.formData()).get('code') ?? '').trim();
  if (!/^\d{3} ?\d{3}$/.test(code)) return fail(422, { errors: { code: code ? 'login.codeWrong' : 'validation.required' } });
  try {
    await run(code);
  } catch (e) {
    if (isApiFailure(e) && e.code === 'BAD_REQUEST') return fail(422, { errors: { code: 'login.codeWrong' } });
    if (isApiFailure(e) && e.code === 'PRECONDITION_FAILED') return fail(409, { errors: { form: e.message } });
    throw e;
  }
  redirect(303, `/account/security?done=${done}`);
}

export const actions: Actions = {
  begin: async ({ locals }) => {
    try {
      await locals.api.auth.totp.begin();
    } catch (e) {
      if (isApiFailure(e) && e.code === 'PRECONDITION_FAILED') return fail(409, { errors: { form: e.message } });
      throw e;
    }
    redirect(303, '/account/security');
  },
  confirm: ({ locals, request }) => withCode(request, (code) => locals.api.auth.totp.confirm({ code }), 'enabled'),
  disable: ({ locals, request }) => withCode(request, (code) => locals.api.auth.totp.disable({ code }), 'disabled'),
};
