import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		// SPA: one index.html that boots the client; no server exists in production.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html' }),
		// Registered by the root layout once the page is idle (not at load, where it competed
		// with start-up for the main thread and the network).
		serviceWorker: { register: false },
		// Test helpers (design builders, fake simulation, the reference breaker machine) live
		// outside src/lib so nothing shipped can import them by accident.
		alias: { $testing: 'tests/support' }
	}
};
