import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // Forms post to the same origin only; SvelteKit refuses cross-site form posts.
    // Form posts are accepted from the same origin only (SvelteKit's default CSRF check).
  },
};
