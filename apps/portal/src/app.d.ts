// See https://svelte.dev/docs/kit/types#app.d.ts
import type { AuthUser } from '@fact/api';
import type { Locale } from '$lib/i18n/locales.js';
import type { Api } from '$lib/server/api.js';

declare global {
  namespace App {
    interface Error {
      message: string;
      id?: string;
    }
    interface Locals {
      user: AuthUser | null;
      locale: Locale;
      /** The API, called in-process as the signed-in user (or anonymously). */
      api: Api;
      /** A session cookie came in but no longer opens a session (expired or revoked). */
      sessionExpired: boolean;
    }
  }
}

export {};
