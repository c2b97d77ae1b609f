import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit(), svelteTesting()],
	worker: { format: 'es' },
	server: { port: 5173, strictPort: false },
	preview: { port: Number(process.env.PREVIEW_PORT ?? 4173), strictPort: true },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'jsdom',
		setupFiles: ['./vitest-setup.ts'],
		// The simulator's statistical tests are CPU-bound; two cores here.
		testTimeout: 120_000
	}
});
